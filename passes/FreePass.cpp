//===- passes/FreePass.cpp - asap-free: release objects at last use -------===//
//
// All drop points are collected before the IR changes (the analysis result
// points into the IR and is invalid afterwards). Edges are materialized once
// each: the release goes at the top of the successor when it has a single
// predecessor, at the end of the source when it has a single successor,
// otherwise into a new block splitting the critical edge.
//
//===----------------------------------------------------------------------===//
#include "passes/FreePass.h"
#include "analysis/LastUse.h"
#include "analysis/SlotVectors.h"
#include "analysis/Summaries.h"
#include "passes/DropRoutines.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

using namespace llvm;

namespace asap {

namespace {

FunctionCallee releaseFunction(Module &M, AllocFamily Family, bool UseRuntime) {
  LLVMContext &Ctx = M.getContext();
  Type *Void = Type::getVoidTy(Ctx);
  Type *Ptr = PointerType::getUnqual(Ctx);
  StringRef Name = "free";
  if (Family == AllocFamily::New)
    Name = "_ZdlPv";
  else if (Family == AllocFamily::NewArray)
    Name = "_ZdaPv";
  else if (UseRuntime)
    Name = "__asap_release"; // libasaprt releases malloc'd and GC cells alike
  else if (Family == AllocFamily::GC)
    Name = "GC_free"; // the Boehm collector, when linked instead of asap's
  return M.getOrInsertFunction(Name, FunctionType::get(Void, {Ptr}, false));
}

unsigned lineOf(const Instruction *I) {
  if (I)
    if (const DebugLoc &DL = I->getDebugLoc())
      return DL.getLine();
  return 0;
}

DebugLoc releaseLocation(Function &F, const DropPoint &D, const Owner &O) {
  if (D.LastUse && D.LastUse->getDebugLoc())
    return D.LastUse->getDebugLoc();
  if (O.Def && O.Def->getDebugLoc())
    return O.Def->getDebugLoc();
  if (DISubprogram *SP = F.getSubprogram())
    return DILocation::get(F.getContext(), 0, 0, SP);
  return DebugLoc();
}

std::string describe(const Owner &O, const ObjectLifetime &L) {
  std::string S;
  if (!L.VarName.empty())
    S = "'" + L.VarName + "'";
  else if (O.Root->hasName())
    S = ("%" + O.Root->getName()).str();
  else
    S = "object";
  if (O.Site) {
    S += " (" + O.Site->calleeName().str();
    if (unsigned Line = lineOf(O.Def))
      S += " at line " + std::to_string(Line);
    S += ")";
  }
  return S;
}

struct PendingRelease {
  unsigned OwnerIndex;
  DropPoint Drop;
  FunctionCallee Release;
};

/// An allocation whose objects have owning fields, and their offsets.
struct FieldInit {
  CallInst *Alloc;
  std::vector<int64_t> Offsets;
  /// Slot vector counters to zero: (offset, bytes).
  std::vector<std::pair<int64_t, unsigned>> Counters;
};

/// The deep drop of an object reads its owning fields, which may be
/// released anywhere (another function, after a move): a field the program
/// never assigns must read as null, not as whatever malloc left there. So
/// every allocation of a node with owning fields (a library allocation, or
/// the call of an allocator wrapper, which is the site of its own node)
/// stores null into them first (and 0 into slot vector counters), unless
/// it is calloc.
std::vector<FieldInit> fieldsToInitialize(Function &F,
                                          const ModuleSummaries *Summaries) {
  std::vector<FieldInit> R;
  if (!Summaries || !Summaries->Shapes || !Summaries->Shapes->Graph)
    return R;
  const ShapeInfo &Sh = *Summaries->Shapes;
  for (Instruction &I : instructions(F)) {
    auto *CI = dyn_cast<CallInst>(&I);
    if (!CI || !CI->getType()->isPointerTy())
      continue;
    int N = Sh.Graph->nodeOf(CI);
    if (N < 0)
      continue;
    const auto &Sites = Sh.Graph->sites(unsigned(N));
    auto Site =
        find_if(Sites, [&](const AllocationSite &S) { return S.Call == CI; });
    if (Site == Sites.end() || Site->calleeName() == "calloc")
      continue;
    FieldInit Init{CI, {}};
    for (auto &[Off, T] : Sh.owningFields(unsigned(N)))
      Init.Offsets.push_back(Off);
    for (const SlotVector *V : Sh.ownedVectors(unsigned(N)))
      Init.Counters.push_back({V->CountOff, V->CountBytes});
    if (!Init.Offsets.empty())
      R.push_back(std::move(Init));
  }
  return R;
}

} // namespace

PreservedAnalyses FreePass::run(Function &F, FunctionAnalysisManager &FAM) {
  if (isDropRoutine(F))
    return PreservedAnalyses::all();
  // Summaries are used when the module pipeline computed them first
  // (asap-free at module level does); the analysis is run directly so that a
  // cached intraprocedural result is never reused.
  const ModuleSummaries *Summaries =
      FAM.getResult<ModuleAnalysisManagerFunctionProxy>(F)
          .getCachedResult<SummaryAnalysis>(*F.getParent());
  const DominatorTree &DT = FAM.getResult<DominatorTreeAnalysis>(F);
  const LastUseInfo LU = computeLastUse(
      F,
      computeOwnership(F, FAM.getResult<AllocationSitesAnalysis>(F), DT,
                       Summaries),
      DT);
  auto &ORE = FAM.getResult<OptimizationRemarkEmitterAnalysis>(F);
  const OwnershipInfo &Own = LU.Ownership;
  Module &M = *F.getParent();

  std::vector<PendingRelease> Pending;
  std::vector<const Owner *> Takes; // Children moved out of their containers.
  for (const ObjectLifetime &L : LU.Lifetimes) {
    const Owner &O = LU.owner(L);
    const OwnerGroup &G = Own.groupOf(O);
    // Remarks are attached to the definition (the entry for a parameter).
    const Instruction *At =
        O.Def ? O.Def : &*F.getEntryBlock().getFirstInsertionPt();
    if (O.Kind == OwnerKind::Take && G.D == Decision::Owned)
      Takes.push_back(&O);
    if (G.D != Decision::Owned) {
      if (O.Site)
        ORE.emit([&] {
          return OptimizationRemarkMissed("asap-free", "NotReleased", At)
                 << "not released: " << describe(O, L) << " is "
                 << decisionName(G.D) << ": " << G.Reason;
        });
      continue;
    }
    std::optional<AllocFamily> Family = Own.groupFamily(O);
    if (!Family) {
      ORE.emit([&] {
        return OptimizationRemarkMissed("asap-free", "MixedFamilies", At)
               << "not released: " << describe(O, L)
               << " may hold objects of different allocator families";
      });
      continue;
    }
    FunctionCallee Release = releaseFunction(M, *Family, UseRuntime);
    // Objects with owning fields release what those fields hold as well.
    if (*Family == AllocFamily::Malloc && Summaries && Summaries->Shapes &&
        Summaries->Shapes->needsDeepDrop(O.Root))
      Release = getOrCreateDropRoutine(
          M, *Summaries->Shapes,
          unsigned(Summaries->Shapes->Graph->nodeOf(O.Root)), UseRuntime);
    for (const DropPoint &D : L.Drops) {
      Pending.push_back({L.OwnerIndex, D, Release});
      ORE.emit([&] {
        OptimizationRemark R("asap-free", "Released", At);
        R << "released " << describe(O, L);
        if (D.Kind == DropPoint::UnchosenOfSelect)
          R << ": the operand the select did not choose";
        else if (unsigned Line = lineOf(D.LastUse))
          R << " after its last use at line " << std::to_string(Line);
        if (D.isEdge())
          R << " on the edge where it dies";
        return R;
      });
    }
    if (L.Drops.empty() && O.Site && !O.Returns.empty())
      ORE.emit([&] {
        return OptimizationRemarkAnalysis("asap-free", "MovedToCaller", At)
               << describe(O, L) << " is moved to the caller";
      });
  }
  std::vector<FieldInit> Inits = fieldsToInitialize(F, Summaries);
  if (Pending.empty() && Inits.empty() && Takes.empty())
    return PreservedAnalyses::all();

  // Materialize edges first (one insertion point per edge), then insert.
  MapVector<std::pair<BasicBlock *, BasicBlock *>, Instruction *> EdgePoint;
  bool SplitAny = false;
  for (const PendingRelease &P : Pending) {
    if (!P.Drop.isEdge())
      continue;
    auto Key = std::make_pair(P.Drop.From, P.Drop.To);
    if (EdgePoint.count(Key))
      continue;
    BasicBlock *From = P.Drop.From, *To = P.Drop.To;
    Instruction *Point;
    if (To->getSinglePredecessor() == From)
      Point = &*To->getFirstInsertionPt();
    else if (From->getSingleSuccessor() == To)
      Point = From->getTerminator();
    else {
      BasicBlock *Mid = SplitEdge(From, To);
      Mid->setName(From->getName() + ".asap.drop");
      Point = Mid->getTerminator();
      SplitAny = true;
    }
    EdgePoint[Key] = Point;
  }

  const std::vector<Owner> &Owners = Own.Owners;
  // An owner phi may receive undef/poison on paths where the source variable
  // was never assigned; releasing that would free garbage. Refining those
  // inputs to null is always allowed and makes the release a no-op there.
  for (const Owner &O : Owners)
    if (auto *Phi = dyn_cast_or_null<PHINode>(O.Def);
        Phi && Own.groupOf(O).D == Decision::Owned)
      for (unsigned K = 0; K < Phi->getNumIncomingValues(); ++K)
        if (isa<UndefValue>(Phi->getIncomingValue(K)))
          Phi->setIncomingValue(
              K, ConstantPointerNull::get(cast<PointerType>(Phi->getType())));
  for (const PendingRelease &P : Pending) {
    const Owner &O = Owners[P.OwnerIndex];
    Instruction *Point = P.Drop.isEdge() ? EdgePoint[{P.Drop.From, P.Drop.To}]
                                         : P.Drop.insertionPoint();
    IRBuilder<> B(Point);
    B.SetCurrentDebugLocation(releaseLocation(F, P.Drop, O));
    Value *Object = O.Root;
    if (P.Drop.Kind == DropPoint::UnchosenOfSelect) {
      auto *Sel = cast<SelectInst>(O.Def);
      Object = B.CreateSelect(Sel->getCondition(), Sel->getFalseValue(),
                              Sel->getTrueValue(), "asap.unchosen");
    }
    B.CreateCall(P.Release, {Object});
  }
  // After the releases: one inserted right after a take's load (the child
  // dying at once, or the container) then comes after the null store.
  for (const Owner *T : Takes) {
    auto *Load = cast<LoadInst>(T->Def);
    auto *Null = new StoreInst(
        ConstantPointerNull::get(cast<PointerType>(Load->getType())),
        T->FieldAddr, Load->getNextNode());
    Null->setDebugLoc(Load->getDebugLoc());
  }
  // Last: splitting blocks would move the edges the releases refer to.
  // Right after the allocation, before any release inserted there.
  for (const FieldInit &I : Inits) {
    IRBuilder<> B(I.Alloc->getNextNode());
    Value *NotNull = B.CreateIsNotNull(I.Alloc, "asap.allocated");
    Instruction *Then = SplitBlockAndInsertIfThen(
        NotNull, I.Alloc->getNextNode()->getNextNode(), false);
    B.SetInsertPoint(Then);
    Type *Ptr = I.Alloc->getType();
    for (int64_t Off : I.Offsets)
      B.CreateStore(ConstantPointerNull::get(cast<PointerType>(Ptr)),
                    B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), I.Alloc, Off));
    for (auto [Off, Bytes] : I.Counters)
      B.CreateStore(ConstantInt::get(B.getIntNTy(8 * Bytes), 0),
                    B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), I.Alloc, Off));
  }
  (void)SplitAny;
  return PreservedAnalyses::none();
}

} // namespace asap
