//===- analysis/StackBorrows.cpp - Stack structs that lend pointers -------===//
//
// For each candidate stack node: follow lent pointers forward from every
// pointer load out of the node, across calls (into parameters, out through
// returns to every call site), and stop at the first use that could let one
// outlive the frame. See StackBorrows.h for the rules.
//
//===----------------------------------------------------------------------===//
#include "analysis/StackBorrows.h"
#include "analysis/AllocationSites.h"
#include "analysis/ModelTable.h"
#include "analysis/Ownership.h"
#include "analysis/Shapes.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Analysis/CFG.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace asap {

namespace {

/// Source line of I as " (line N)", or "".
std::string lineOf(const Instruction *I) {
  if (const DebugLoc &DL = I->getDebugLoc(); DL && DL.getLine())
    return " (line " + std::to_string(DL.getLine()) + ")";
  return "";
}

bool isByteCopy(const Function &F) {
  StringRef N = F.getName();
  return N == "memcpy" || N == "memmove" || N == "mempcpy" || N == "bcopy" ||
         N == "memccpy";
}

/// Follows lent pointers for one node; Why is set at the first violation.
class LentPointers {
public:
  LentPointers(const PointsToGraph &G, unsigned N,
               const DenseSet<const Function *> &Owners)
      : G(G), N(N), Owners(Owners) {}

  void add(const Value *V) {
    if (Lent.insert(V))
      Work.push_back(V);
  }
  /// Follows until done or a violation; returns "" or the reason.
  std::string run();
  const SetVector<const Value *> &values() const { return Lent; }

private:
  const PointsToGraph &G;
  unsigned N;
  const DenseSet<const Function *> &Owners;
  SetVector<const Value *> Lent;
  SmallVector<const Value *, 32> Work;
  DenseSet<const Function *> ReturnsLent;

  bool intoThisNode(const Value *Addr) const {
    int M = G.nodeOf(getUnderlyingObject(Addr, 0));
    return M >= 0 && G.find(M) == G.find(N);
  }
  std::string use(const Use &U);
  /// An integer load wide enough to copy a pointer out of memory that holds
  /// pointers (a struct copied field by field as i64s).
  bool readsPointerBits(const LoadInst &LI) const {
    const DataLayout &DL = LI.getModule()->getDataLayout();
    Type *T = LI.getType()->getScalarType();
    if (!T->isIntegerTy() || DL.getTypeStoreSize(LI.getType()) <
                                 DL.getPointerSize())
      return false;
    std::optional<std::pair<unsigned, int64_t>> F =
        G.fieldOf(LI.getPointerOperand());
    if (!F || G.fields(F->first).empty())
      return false;
    int64_t Size = int64_t(DL.getTypeStoreSize(LI.getType()));
    if (!G.isCollapsed(F->first)) {
      for (auto &[Off, T] : G.fields(F->first))
        if (Off + int64_t(DL.getPointerSize()) > F->second &&
            Off < F->second + Size)
          return true;
      return false;
    }
    // Offsets are lost in a collapsed node (an array): trust a struct
    // field declared with the loaded integer type.
    auto *GEP = dyn_cast<GetElementPtrInst>(LI.getPointerOperand());
    return !GEP || !GEP->getSourceElementType()->isStructTy() ||
           GEP->getResultElementType() != LI.getType();
  }
  std::string call(const Value *V, const CallBase &CB, unsigned ArgNo);
};

std::string LentPointers::run() {
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val();
    for (const Use &U : V->uses())
      if (std::string Why = use(U); !Why.empty())
        return Why;
  }
  return "";
}

std::string LentPointers::use(const Use &U) {
  const Value *V = U.get();
  auto *I = dyn_cast<Instruction>(U.getUser());
  if (!I)
    return "used by a constant";
  if (isa<GetElementPtrInst>(I) || isa<BitCastInst>(I) ||
      isa<AddrSpaceCastInst>(I) || isa<FreezeInst>(I) || isa<PHINode>(I)) {
    if (I->getType()->isPointerTy())
      add(I);
    return "";
  }
  if (auto *Sel = dyn_cast<SelectInst>(I)) {
    if (Sel->getCondition() != V && Sel->getType()->isPointerTy())
      add(I);
    return "";
  }
  if (auto *LI = dyn_cast<LoadInst>(I)) {
    if (LI->getType()->isPointerTy()) // A pointer loaded through it.
      add(LI);
    else if (readsPointerBits(*LI))
      return "a pointer field read through it is loaded as an integer" +
             lineOf(I);
    return "";
  }
  if (auto *SI = dyn_cast<StoreInst>(I)) {
    if (SI->getValueOperand() != V)
      return "";
    // Back into a struct of this frame: it dies no later than the frame
    // the pointer was lent from. A struct of an older frame may outlive
    // what a younger one lent.
    auto *A = dyn_cast<AllocaInst>(
        getUnderlyingObject(SI->getPointerOperand(), 0));
    if (A && A->getFunction() == SI->getFunction() &&
        intoThisNode(SI->getPointerOperand()))
      return "";
    if (intoThisNode(SI->getPointerOperand()))
      return "a pointer read from it is stored into a struct of another "
             "frame" + lineOf(I);
    return "a pointer read from it is stored to memory" + lineOf(I);
  }
  if (isa<ICmpInst>(I))
    return "";
  if (isa<ReturnInst>(I)) {
    const Function *F = I->getFunction();
    if (Owners.count(F))
      return "a pointer read from it is returned from '" +
             F->getName().str() + "', which owns it" + lineOf(I);
    if (ReturnsLent.insert(F).second)
      for (const User *FU : F->users()) {
        auto *CB = dyn_cast<CallBase>(FU);
        if (!CB || CB->getCalledOperand() != F)
          return "returned from '" + F->getName().str() +
                 "', whose address is taken";
        add(CB);
      }
    return "";
  }
  if (auto *CB = dyn_cast<CallBase>(I)) {
    if (CB->isCallee(&U))
      return "a pointer read from it is called" + lineOf(I);
    if (!CB->isArgOperand(&U))
      return "a pointer read from it is used in an operand bundle" + lineOf(I);
    return call(V, *CB, CB->getArgOperandNo(&U));
  }
  return std::string("a pointer read from it is used by a '") +
         I->getOpcodeName() + "'" + lineOf(I);
}

std::string LentPointers::call(const Value *V, const CallBase &CB,
                               unsigned ArgNo) {
  std::string Where = lineOf(&CB);
  if (auto *II = dyn_cast<IntrinsicInst>(&CB)) {
    switch (II->getIntrinsicID()) {
    case Intrinsic::memcpy:
    case Intrinsic::memcpy_inline:
    case Intrinsic::memmove:
      // Copying out of it would copy the pointers it holds (and a copy
      // into the node itself would have made the node copied).
      if (ArgNo == 0)
        return "";
      return "memory a pointer read from it points to is copied" + Where;
    case Intrinsic::memset:
    case Intrinsic::memset_inline:
    case Intrinsic::lifetime_start:
    case Intrinsic::lifetime_end:
    case Intrinsic::objectsize:
    case Intrinsic::prefetch:
    case Intrinsic::assume:
      return "";
    case Intrinsic::ptrmask:
    case Intrinsic::launder_invariant_group:
    case Intrinsic::strip_invariant_group:
      add(&CB);
      return "";
    default:
      if (II->isAssumeLikeIntrinsic())
        return "";
      return "a pointer read from it is passed to an intrinsic" + Where;
    }
  }
  const Function *Callee = CB.getCalledFunction();
  if (!Callee)
    return "a pointer read from it is passed to an indirect call" + Where;
  if (!Callee->isDeclaration()) {
    if (ArgNo >= Callee->arg_size())
      return "a pointer read from it is a variadic argument" + Where;
    add(Callee->getArg(ArgNo));
    return "";
  }
  if (isByteCopy(*Callee) && ArgNo != (Callee->getName() == "bcopy" ? 1 : 0))
    return "memory a pointer read from it points to is copied" + Where;
  if (std::optional<CallModel> M = lookupCallModel(*Callee);
      M && M->BorrowsAllArguments) {
    if (M->ReturnsAliasOf == int(ArgNo) && CB.getType()->isPointerTy())
      add(&CB);
    return "";
  }
  if (ArgNo < Callee->arg_size() && CB.doesNotCapture(ArgNo) &&
      (CB.hasFnAttr(Attribute::NoFree) || CB.onlyReadsMemory() ||
       CB.paramHasAttr(ArgNo, Attribute::NoFree)))
    return "";
  return "a pointer read from it is passed to '" + Callee->getName().str() +
         "', which may keep or free it" + Where;
}

} // namespace

StackBorrows::StackBorrows(Module &M, const PointsToGraph &G) : G(G) {
  // Nodes something points to, or that a function returns: a pointer to
  // them may outlive the frame.
  DenseSet<unsigned> Targeted, Returned;
  for (unsigned P : G.nodesWithFields())
    for (auto &[Off, T] : G.fields(P))
      Targeted.insert(G.find(T));
  std::map<unsigned, DenseSet<const Function *>> OwnerFns;
  std::map<unsigned, std::vector<const LoadInst *>> Loads;
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    if (int R = G.returnNodeOf(&F); R >= 0)
      Returned.insert(unsigned(R));
    for (Instruction &I : instructions(F)) {
      if (auto *A = dyn_cast<AllocaInst>(&I)) {
        int N = G.nodeOf(A);
        if (N < 0 || G.fields(N).empty())
          continue;
        if (OwnerFns[unsigned(N)].insert(&F).second)
          OwnerNames[unsigned(N)].push_back(&F);
      } else if (auto *LI = dyn_cast<LoadInst>(&I)) {
        if (!LI->getType()->isPointerTy())
          continue;
        int N = G.nodeOf(getUnderlyingObject(LI->getPointerOperand(), 0));
        if (N >= 0)
          Loads[G.find(unsigned(N))].push_back(LI);
      }
    }
  }
  for (auto &[N, Fns] : OwnerFns) {
    std::string &Why = Verdict[N];
    if (!G.sites(N).empty())
      Why = "it may also be a heap object";
    else if (G.isEscaped(N))
      Why = "it escapes: " + G.escapeReason(N);
    else if (G.isCopied(N))
      Why = "it is copied with memcpy/memmove";
    else if (G.isClobbered(N))
      Why = "it is written byte-wise by a library call";
    else if (Targeted.count(N))
      Why = "a pointer to it is stored in memory";
    else if (Returned.count(N))
      Why = "a function returns a pointer into it";
    if (!Why.empty())
      continue;
    LentPointers LP(G, N, Fns);
    for (const LoadInst *LI : Loads[N])
      LP.add(LI);
    Why = LP.run();
    if (Why.empty())
      Lent[N].assign(LP.values().begin(), LP.values().end());
  }
}

const AllocaInst *StackBorrows::lendingAlloca(const StoreInst &SI) const {
  auto *A = dyn_cast<AllocaInst>(getUnderlyingObject(SI.getPointerOperand(), 0));
  if (!A || A->getFunction() != SI.getFunction())
    return nullptr;
  int N = G.nodeOf(A);
  if (N < 0)
    return nullptr;
  auto It = Verdict.find(G.find(unsigned(N)));
  return It != Verdict.end() && It->second.empty() ? A : nullptr;
}

const std::vector<Instruction *> &
StackBorrows::readers(const AllocaInst &A) const {
  auto [It, New] = Readers.try_emplace(&A);
  if (!New)
    return It->second;
  unsigned N = G.find(unsigned(G.nodeOf(&A)));
  DenseSet<const Value *> LentHere;
  for (const Value *V : Lent.at(N))
    if (auto *I = dyn_cast<Instruction>(V); I && I->getFunction() == A.getFunction())
      LentHere.insert(V);
  for (Instruction &I : instructions(*const_cast<Function *>(A.getFunction()))) {
    if (isa<PHINode>(I) || isa<DbgInfoIntrinsic>(I))
      continue;
    for (Value *Op : I.operands()) {
      int M = Op->getType()->isPointerTy() ? G.nodeOf(Op) : -1;
      if (LentHere.count(Op) || (M >= 0 && G.find(unsigned(M)) == N)) {
        It->second.push_back(&I);
        break;
      }
    }
  }
  return It->second;
}

void StackBorrows::print(raw_ostream &OS) const {
  for (auto &[N, Why] : Verdict) {
    const std::vector<const Function *> &Fns = OwnerNames.at(N);
    OS << "stack node " << N << ": " << (Fns.size() > 1 ? "allocas" : "alloca")
       << " in ";
    for (const Function *F : Fns)
      OS << (F == Fns.front() ? "" : ", ") << F->getName();
    OS << ": ";
    if (Why.empty())
      OS << "lends what it holds\n";
    else
      OS << "does not lend: " << Why << "\n";
  }
}

void applyStackBorrows(OwnershipInfo &Info, const StackBorrows &SB,
                       const DominatorTree &DT) {
  // A child taken out of a lent container is nulled in its field, and the
  // struct's readers would see the null.
  for (const Owner &T : Info.Owners)
    if (T.Kind == OwnerKind::Take &&
        !Info.Owners[T.Container].LentThrough.empty()) {
      const Owner &C = Info.Owners[T.Container];
      Info.markUndecided(C,
                         "lent through a stack struct" +
                             lineOf(C.LentThrough[0]) +
                             " and a child is moved out of it" + lineOf(T.Def),
                         T.Def);
    }
  for (Owner &O : Info.Owners) {
    if (O.LentThrough.empty())
      continue;
    // The loan is only followed while the object stays here.
    if (!O.MovedInto.empty() || !O.MovedIntoField.empty() ||
        !O.ReallocatedBy.empty()) {
      Info.markUndecided(O, "lent through a stack struct" + lineOf(O.LentThrough[0]) +
                                " and moved elsewhere",
                         O.LentThrough[0]);
      continue;
    }
    for (StoreInst *SI : O.LentThrough) {
      const AllocaInst *A = SB.lendingAlloca(*SI);
      for (Instruction *R : SB.readers(*A)) {
        if (R == SI || !isPotentiallyReachable(SI, R, nullptr, &DT))
          continue;
        if (!DT.dominates(SI, R)) {
          Info.markUndecided(O,
                             "lent through a stack struct" + lineOf(SI) +
                                 " that is read where the store may not "
                                 "have happened" +
                                 lineOf(R),
                             R);
          break;
        }
        if (!is_contained(O.KeptAliveBy, R))
          O.KeptAliveBy.push_back(R);
      }
    }
  }
}

} // namespace asap
