//===- analysis/Shapes.cpp - Which struct fields own their pointee --------===//
//
// The points-to graph is built in one pass over every instruction of the
// module, unifying nodes (and, recursively, their fields) wherever values
// flow: phis, selects, call arguments and parameters, returns, stores and
// loads. Anything the graph cannot follow marks the node escaped, and
// escapes propagate to everything reachable through fields. Owning-field
// verification against the ownership analysis lives in Summaries.cpp
// (computeSummaries), since both depend on each other.
//
//===----------------------------------------------------------------------===//
#include "analysis/Shapes.h"
#include "analysis/FieldReallocs.h"
#include "analysis/ModelTable.h"
#include "analysis/SlotVectors.h"
#include "analysis/StackBorrows.h"

#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace asap {

unsigned PointsToGraph::newNode() {
  Node N;
  N.Parent = Nodes.size();
  Nodes.push_back(std::move(N));
  return Nodes.size() - 1;
}

unsigned PointsToGraph::find(unsigned N) const {
  while (Nodes[N].Parent != N) {
    Nodes[N].Parent = Nodes[Nodes[N].Parent].Parent;
    N = Nodes[N].Parent;
  }
  return N;
}

unsigned PointsToGraph::unify(unsigned A, unsigned B) {
  SmallVector<std::pair<unsigned, unsigned>, 8> Work{{A, B}};
  unsigned Result = find(A);
  while (!Work.empty()) {
    auto [X, Y] = Work.pop_back_val();
    X = find(X);
    Y = find(Y);
    if (X == Y)
      continue;
    if (Nodes[X].Fields.size() < Nodes[Y].Fields.size())
      std::swap(X, Y);
    Node &NY = Nodes[Y];
    Nodes[Y].Parent = X;
    Node &NX = Nodes[X];
    NX.Escaped |= NY.Escaped;
    NX.Released |= NY.Released;
    NX.Clobbered |= NY.Clobbered;
    NX.Stack |= NY.Stack;
    NX.Copied |= NY.Copied;
    NX.Duplicated |= NY.Duplicated;
    if (NX.Reason.empty())
      NX.Reason = NY.Reason;
    NX.Sites.append(NY.Sites.begin(), NY.Sites.end());
    bool Collapse = NX.Collapsed || NY.Collapsed ||
                    (NX.Stride && NY.Stride && NX.Stride != NY.Stride);
    int64_t Stride = NX.Stride ? NX.Stride : NY.Stride;
    for (auto &[Off, T] : NY.Fields) {
      auto [It, New] = NX.Fields.try_emplace(Off, T);
      if (!New)
        Work.push_back({It->second, T});
    }
    NY.Fields.clear();
    if (Collapse && !NX.Collapsed)
      collapse(X);
    else if (!Collapse && Stride && NX.Stride != Stride)
      setStride(X, Stride);
    else if (!Collapse && Stride && NY.Stride != Stride)
      setStride(X, Stride); // Y's fields, now X's, may lie past one element.
  }
  (void)Result;
  return find(A);
}

void PointsToGraph::collapse(unsigned N) {
  N = find(N);
  if (Nodes[N].Collapsed && Nodes[N].Fields.size() <= 1)
    return;
  Nodes[N].Collapsed = true;
  std::map<int64_t, unsigned> Old;
  std::swap(Old, Nodes[N].Fields);
  std::optional<unsigned> Target;
  for (auto &[Off, T] : Old)
    Target = Target ? unify(*Target, T) : T;
  N = find(N);
  if (Target)
    Nodes[N].Fields[0] = find(*Target);
}

int64_t PointsToGraph::normalize(unsigned N, int64_t Off) const {
  const Node &X = Nodes[find(N)];
  if (X.Collapsed)
    return 0;
  if (X.Stride)
    return ((Off % X.Stride) + X.Stride) % X.Stride;
  return Off;
}

void PointsToGraph::setStride(unsigned N, int64_t Stride) {
  N = find(N);
  if (Nodes[N].Collapsed)
    return;
  if (Stride <= 0 || (Nodes[N].Stride && Nodes[N].Stride != Stride))
    return collapse(N);
  Nodes[N].Stride = Stride;
  // Fields seen before at offsets past the first element are the same
  // fields of other elements.
  std::map<int64_t, unsigned> Old;
  std::swap(Old, Nodes[N].Fields);
  for (auto &[Off, T] : Old) {
    unsigned R = find(N);
    if (Nodes[R].Collapsed || Nodes[R].Stride != Stride) {
      unify(field(R, Off), T);
      continue;
    }
    int64_t In = ((Off % Stride) + Stride) % Stride;
    auto [It, New] = Nodes[R].Fields.try_emplace(In, T);
    if (!New)
      unify(It->second, T);
  }
}

unsigned PointsToGraph::field(unsigned N, int64_t Off) {
  N = find(N);
  Off = normalize(N, Off);
  auto It = Nodes[N].Fields.find(Off);
  if (It != Nodes[N].Fields.end())
    return find(It->second);
  unsigned T = newNode();
  Nodes[find(N)].Fields[Off] = T;
  return T;
}

void PointsToGraph::escape(unsigned N, const std::string &Why) {
  N = find(N);
  if (!Nodes[N].Escaped)
    Nodes[N].Reason = Why;
  Nodes[N].Escaped = true;
}

static bool isNullish(const Value *V) {
  return isa<ConstantPointerNull>(V) || isa<UndefValue>(V);
}

/// Does the constant C contain a pointer other than null?
static bool holdsPointers(const Constant *C) {
  if (C->getType()->isPointerTy())
    return !C->isNullValue();
  if (isa<ConstantDataSequential>(C) || isa<ConstantAggregateZero>(C) ||
      isa<ConstantInt>(C) || isa<ConstantFP>(C))
    return false;
  if (isa<ConstantAggregate>(C))
    return any_of(C->operands(), [](const Use &U) {
      return holdsPointers(cast<Constant>(U.get()));
    });
  return true; // Expressions, undef...: be careful.
}

/// A merge (`p ? p : "_"`) whose value is only compared or lent to library
/// calls that keep nothing: no pointer flows anywhere through it, so its
/// operands' nodes need not be unified (a string literal would make a heap
/// node escape).
static bool onlyLentToLibrary(const Instruction &Merge) {
  return all_of(Merge.uses(), [](const Use &U) {
    if (isa<ICmpInst>(U.getUser()))
      return true;
    auto *CB = dyn_cast<CallBase>(U.getUser());
    const Function *Callee = CB ? CB->getCalledFunction() : nullptr;
    if (!Callee || !Callee->isDeclaration() || !CB->isArgOperand(&U) ||
        isa<IntrinsicInst>(CB))
      return false;
    std::optional<CallModel> M = lookupCallModel(*Callee);
    return M && M->BorrowsAllArguments && M->OnlyReads &&
           M->ReturnsAliasOf < 0;
  });
}

bool isPointerFreeConstant(const Value *V) {
  auto *GV = dyn_cast<GlobalVariable>(V->stripPointerCasts());
  return GV && GV->isConstant() && GV->hasDefinitiveInitializer() &&
         !holdsPointers(GV->getInitializer());
}

unsigned PointsToGraph::pts(const Value *V) {
  auto It = ValueNode.find(V);
  if (It != ValueNode.end())
    return find(It->second);
  unsigned N = newNode();
  ValueNode[V] = N;
  if (auto *GV = dyn_cast<GlobalValue>(V))
    escape(N, ("reachable from global " + GV->getName()).str());
  else if (auto *CE = dyn_cast<ConstantExpr>(V)) {
    if (CE->getNumOperands() && CE->getOperand(0)->getType()->isPointerTy())
      N = unify(N, pts(CE->getOperand(0)));
    escape(N, "reachable from a constant expression");
  } else if (isa<Constant>(V) && !isNullish(V))
    escape(N, "a constant pointer");
  return find(N);
}

std::pair<const Value *, int64_t> baseAndOffset(const Value *Addr,
                                                const DataLayout &DL) {
  APInt Off(DL.getIndexTypeSizeInBits(Addr->getType()), 0);
  const Value *Base = Addr->stripAndAccumulateConstantOffsets(
      DL, Off, /*AllowNonInbounds=*/true);
  return {Base, Off.getSExtValue()};
}

const DataLayout *dataLayoutOf(const Value *V) {
  if (auto *I = dyn_cast<Instruction>(V))
    return &I->getModule()->getDataLayout();
  if (auto *A = dyn_cast<Argument>(V))
    return &A->getParent()->getParent()->getDataLayout();
  return nullptr;
}

int PointsToGraph::nodeOf(const Value *V) const {
  auto It = ValueNode.find(V);
  return It == ValueNode.end() ? -1 : int(find(It->second));
}

std::optional<std::pair<unsigned, int64_t>>
PointsToGraph::fieldOf(const Value *Addr) const {
  const DataLayout *DL = dataLayoutOf(Addr);
  if (!DL)
    return std::nullopt;
  auto [Base, Off] = baseAndOffset(Addr, *DL);
  int N = nodeOf(Base);
  if (N < 0)
    return std::nullopt;
  return std::make_pair(unsigned(N), normalize(unsigned(N), Off));
}

int PointsToGraph::targetOf(unsigned N, int64_t Off) const {
  N = find(N);
  auto It = Nodes[N].Fields.find(normalize(N, Off));
  return It == Nodes[N].Fields.end() ? -1 : int(find(It->second));
}

std::map<int64_t, unsigned> PointsToGraph::fields(unsigned N) const {
  std::map<int64_t, unsigned> R;
  for (auto &[Off, T] : Nodes[find(N)].Fields)
    R[Off] = find(T);
  return R;
}

std::vector<unsigned> PointsToGraph::nodesWithFields() const {
  std::vector<unsigned> R;
  for (unsigned I = 0; I < Nodes.size(); ++I)
    if (find(I) == I && !Nodes[I].Fields.empty())
      R.push_back(I);
  return R;
}

const AllocationSite *
PointsToGraph::wrappedAllocation(Function &W, FunctionAnalysisManager &FAM) {
  // W wraps one allocation A when every pointer it returns is A or null
  // (also through a phi/select of A and null: `if (!p) return NULL`) and A
  // is otherwise only compared. Then nothing in W keeps, writes through or
  // stores A: the only pointer to the new object leaves through the return,
  // exactly as from malloc, so each call of W may get a node of its own.
  auto [It, New] = Wrappers.try_emplace(&W);
  if (!New)
    return It->second ? &*It->second : nullptr;
  if (W.isDeclaration() || !W.hasExactDefinition() ||
      !W.getReturnType()->isPointerTy())
    return nullptr;
  const TargetLibraryInfo &TLI = FAM.getResult<TargetLibraryAnalysis>(W);
  std::optional<AllocationSite> Site;
  for (Instruction &I : instructions(W))
    if (auto *CB = dyn_cast<CallBase>(&I))
      if (std::optional<AllocationSite> S = classifyAllocation(*CB, TLI)) {
        if (Site || S->Reallocated || S->Family != AllocFamily::Malloc)
          return nullptr;
        Site = S;
      }
  if (!Site)
    return nullptr;
  Value *A = Site->Call;
  auto OnlyReturned = [](const Instruction *Merge) {
    return all_of(Merge->users(),
                  [](const User *U) { return isa<ReturnInst>(U); });
  };
  auto IsAOrNull = [&](const Value *V) { return V == A || isNullish(V); };
  for (User *U : A->users()) {
    if (isa<ICmpInst>(U) || isa<ReturnInst>(U))
      continue;
    if (auto *Phi = dyn_cast<PHINode>(U)) {
      if (all_of(Phi->incoming_values(), IsAOrNull) && OnlyReturned(Phi))
        continue;
    } else if (auto *Sel = dyn_cast<SelectInst>(U)) {
      if (Sel->getCondition() != A && IsAOrNull(Sel->getTrueValue()) &&
          IsAOrNull(Sel->getFalseValue()) && OnlyReturned(Sel))
        continue;
    }
    return nullptr;
  }
  for (Instruction &I : instructions(W))
    if (auto *RI = dyn_cast<ReturnInst>(&I)) {
      Value *RV = RI->getReturnValue();
      if (!RV || IsAOrNull(RV))
        continue;
      auto *Merge = dyn_cast<Instruction>(RV);
      if (!Merge || !(isa<PHINode>(Merge) || isa<SelectInst>(Merge)) ||
          !is_contained(A->users(), Merge))
        return nullptr;
    }
  It->second = Site;
  return &*It->second;
}

void PointsToGraph::visit(Function &F, FunctionAnalysisManager &FAM) {
  const DataLayout &DL = F.getParent()->getDataLayout();
  const TargetLibraryInfo &TLI = FAM.getResult<TargetLibraryAnalysis>(F);
  // The node an address points into, collapsing it when the address is an
  // interior pointer at a variable offset.
  auto AddrField = [&](Value *Addr) {
    auto [Base, Off] = baseAndOffset(Addr, DL);
    return field(pts(Base), Off);
  };
  // A pointer value that flows somewhere as a whole: interior pointers make
  // their node field-insensitive (the offset would be lost).
  auto Whole = [&](Value *V) {
    auto [Base, Off] = baseAndOffset(V, DL);
    unsigned N = pts(Base);
    if (normalize(N, Off) != 0)
      collapse(N);
    return find(N);
  };
  // Non-pointer loads and stores: remembered by byte range, so that a
  // pointer field also accessed as bytes/integers is never owning (its bits
  // could be copied or forged).
  auto RawAccess = [&](Value *Addr, Type *Ty) {
    auto [Base, Off] = baseAndOffset(Addr, DL);
    pts(Base);
    Raw.push_back({Base, Off, int64_t(DL.getTypeStoreSize(Ty).getKnownMinValue())});
  };
  for (Instruction &I : instructions(F)) {
    if (isa<AllocaInst>(I)) {
      // Stack objects are nodes like heap objects, but never containers
      // or pointees of owning fields (nothing releases them).
      Nodes[pts(&I)].Stack = true;
    } else if (auto *GEP = dyn_cast<GetElementPtrInst>(&I)) {
      unsigned N = pts(GEP->getPointerOperand());
      if (!GEP->hasAllConstantIndices()) {
        // `&a[i]`: one variable index over whole elements makes an array
        // node; anything else loses the offset.
        Type *Elt = GEP->getSourceElementType();
        int64_t Size = Elt->isSized()
                           ? int64_t(DL.getTypeAllocSize(Elt).getFixedValue())
                           : 0;
        if (GEP->getNumIndices() == 1 && Size >= DL.getPointerSize())
          setStride(N, Size);
        else
          collapse(N);
      }
      unify(pts(GEP), N);
    } else if (isa<BitCastInst>(I) || isa<AddrSpaceCastInst>(I) ||
               isa<FreezeInst>(I)) {
      if (I.getType()->isPointerTy())
        unify(pts(&I), pts(I.getOperand(0)));
    } else if (auto *Phi = dyn_cast<PHINode>(&I)) {
      if (!Phi->getType()->isPointerTy() || onlyLentToLibrary(*Phi))
        continue;
      for (Value *In : Phi->incoming_values())
        if (!isNullish(In))
          unify(pts(Phi), Whole(In));
    } else if (auto *Sel = dyn_cast<SelectInst>(&I)) {
      if (!Sel->getType()->isPointerTy() || onlyLentToLibrary(*Sel))
        continue;
      for (Value *In : {Sel->getTrueValue(), Sel->getFalseValue()})
        if (!isNullish(In))
          unify(pts(Sel), Whole(In));
    } else if (auto *LI = dyn_cast<LoadInst>(&I)) {
      if (LI->getType()->isPointerTy())
        unify(pts(LI), AddrField(LI->getPointerOperand()));
      else
        RawAccess(LI->getPointerOperand(), LI->getType());
    } else if (auto *SI = dyn_cast<StoreInst>(&I)) {
      Value *V = SI->getValueOperand();
      if (V->getType()->isPointerTy()) {
        if (!isNullish(V))
          unify(AddrField(SI->getPointerOperand()), Whole(V));
      } else {
        RawAccess(SI->getPointerOperand(), V->getType());
      }
    } else if (auto *RMW = dyn_cast<AtomicRMWInst>(&I)) {
      if (RMW->getValOperand()->getType()->isPointerTy())
        escape(Whole(RMW->getValOperand()), "used atomically");
    } else if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I)) {
      if (CX->getNewValOperand()->getType()->isPointerTy())
        escape(Whole(CX->getNewValOperand()), "used atomically");
    } else if (isa<PtrToIntInst>(I)) {
      escape(Whole(I.getOperand(0)), "converted to an integer");
    } else if (isa<IntToPtrInst>(I)) {
      escape(pts(&I), "made from an integer");
    } else if (auto *RI = dyn_cast<ReturnInst>(&I)) {
      Value *RV = RI->getReturnValue();
      if (RV && RV->getType()->isPointerTy() && !isNullish(RV)) {
        auto [It, New] = ReturnNode.try_emplace(&F, 0);
        if (New)
          It->second = newNode();
        It->second = unify(It->second, Whole(RV));
      }
    } else if (auto *CB = dyn_cast<CallBase>(&I)) {
      Function *Callee = CB->getCalledFunction();
      if (auto *II = dyn_cast<IntrinsicInst>(CB)) {
        switch (II->getIntrinsicID()) {
        case Intrinsic::memcpy:
        case Intrinsic::memcpy_inline:
        case Intrinsic::memmove: {
          // Copies whatever pointers the source holds: the objects they
          // point to get a second reference (propagateEscapes), and the
          // two nodes' fields are unified offset by offset (unifyCopies).
          // The copy creates no pointer to the two objects themselves, so
          // (unlike their fields' targets) they do not escape.
          // A constant initializer without pointers (what clang copies a
          // local struct's `= {...}` from) writes only null pointers.
          if (isPointerFreeConstant(II->getArgOperand(1))) {
            pts(baseAndOffset(II->getArgOperand(0), DL).first);
            continue;
          }
          unsigned D = Whole(II->getArgOperand(0));
          unsigned S = Whole(II->getArgOperand(1));
          Copies.push_back({II, D, S});
          continue;
        }
        case Intrinsic::ptrmask:
        case Intrinsic::launder_invariant_group:
        case Intrinsic::strip_invariant_group:
          unify(pts(CB), pts(CB->getArgOperand(0)));
          continue;
        case Intrinsic::memset:
        case Intrinsic::memset_inline:
          // Zero bytes make null pointers; any other byte forges them.
          if (auto *C = dyn_cast<ConstantInt>(II->getArgOperand(1));
              !C || !C->isZero())
            Nodes[Whole(II->getArgOperand(0))].Clobbered = true;
          continue;
        default:
          if (II->isAssumeLikeIntrinsic() || !II->getType()->isPointerTy()) {
            // memset, lifetime, dbg, assume...: nothing flows.
            bool AnyPtrArg = false;
            for (Value *A : CB->args())
              AnyPtrArg |= A->getType()->isPointerTy();
            if (!AnyPtrArg || II->getIntrinsicID() == Intrinsic::memset ||
                II->isAssumeLikeIntrinsic() ||
                II->getIntrinsicID() == Intrinsic::objectsize ||
                II->getIntrinsicID() == Intrinsic::prefetch)
              continue;
          }
          break;
        }
      }
      if (std::optional<AllocationSite> S = classifyAllocation(*CB, TLI)) {
        unsigned N = pts(CB);
        Nodes[N].Sites.push_back(*S);
        // asap-free nulls owning fields at each allocation; it never runs
        // on an optnone function.
        if (F.hasOptNone())
          escape(N, "allocated in an optnone function");
        if (S->Reallocated && !isNullish(S->Reallocated)) {
          unsigned Old = Whole(S->Reallocated);
          // A buffer regrown in its field is replaced there, not released.
          if (!matchFieldRealloc(*CB, S->Reallocated))
            Nodes[find(Old)].Released = true;
          unify(N, Old);
        }
        continue;
      }
      if (std::optional<Deallocation> D = classifyDeallocation(*CB, TLI)) {
        if (!isNullish(D->Freed))
          Nodes[Whole(D->Freed)].Released = true;
        continue;
      }
      if (Callee && !Callee->isDeclaration()) {
        // A call of an allocator wrapper (xmalloc) is an allocation site of
        // its own: its object does not share a node with the objects of
        // the wrapper's other callers.
        const AllocationSite *Wrapped = wrappedAllocation(*Callee, FAM);
        if (Wrapped) {
          AllocationSite S = *Wrapped;
          S.Call = CB;
          S.Helper = Callee;
          Nodes[pts(CB)].Sites.push_back(S);
          if (F.hasOptNone())
            escape(pts(CB), "allocated in an optnone function");
        }
        for (unsigned K = 0; K < CB->arg_size(); ++K) {
          Value *A = CB->getArgOperand(K);
          if (!A->getType()->isPointerTy() || isNullish(A))
            continue;
          if (CB->isByValArgument(K) && isPointerFreeConstant(A))
            continue; // The callee gets a copy without pointers.
          if (K < Callee->arg_size())
            unify(pts(Callee->getArg(K)), Whole(A));
          else
            escape(Whole(A), "passed as a variadic argument");
        }
        if (CB->getType()->isPointerTy() && !Wrapped) {
          auto [It, New] = ReturnNode.try_emplace(Callee, 0);
          if (New)
            It->second = newNode();
          It->second = unify(It->second, pts(CB));
        }
        continue;
      }
      std::optional<CallModel> Model =
          Callee ? lookupCallModel(*Callee) : std::nullopt;
      // Library calls that write bytes through their pointer arguments.
      if (Model && !Model->OnlyReads)
        for (Value *A : CB->args())
          if (A->getType()->isPointerTy() && !isNullish(A))
            Nodes[Whole(A)].Clobbered = true;
      for (unsigned K = 0; K < CB->arg_size(); ++K) {
        Value *A = CB->getArgOperand(K);
        if (!A->getType()->isPointerTy() || isNullish(A))
          continue;
        bool Borrowed = Model ? Model->BorrowsAllArguments
                              : (Callee && K < Callee->arg_size() &&
                                 CB->doesNotCapture(K) &&
                                 (CB->onlyReadsMemory() ||
                                  CB->onlyReadsMemory(K)));
        unsigned N = Whole(A);
        if (Model && Model->ReturnsAliasOf == int(K) &&
            CB->getType()->isPointerTy())
          unify(pts(CB), N);
        else if (!Borrowed)
          escape(N, Callee ? ("passed to '" + Callee->getName() + "'").str()
                           : "passed to an indirect call");
      }
      if (CB->getType()->isPointerTy() &&
          !(Model && Model->ReturnsAliasOf >= 0))
        escape(pts(CB), "returned by an external call");
    } else if (I.getType()->isPointerTy() || I.getType()->isVectorTy() ||
               I.getType()->isStructTy()) {
      // insertvalue, extractvalue, vector ops, va_arg...: not followed.
      for (Value *Op : I.operands())
        if (Op->getType()->isPointerTy() && !isNullish(Op))
          escape(Whole(Op), std::string("used by '") + I.getOpcodeName() + "'");
      if (I.getType()->isPointerTy())
        escape(pts(&I), std::string("produced by '") + I.getOpcodeName() + "'");
    } else {
      for (Value *Op : I.operands())
        if (Op->getType()->isPointerTy() && !isNullish(Op) &&
            !isa<ICmpInst>(I) && !isa<BranchInst>(I))
          escape(Whole(Op), std::string("used by '") + I.getOpcodeName() + "'");
    }
  }
}

void PointsToGraph::unifyCopies() {
  // Unifying may add fields to either side of another copy: repeat until
  // no copy changes anything (each round merges nodes or adds fields that
  // already exist on the other side, so this ends).
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto [Call, D, S] : Copies) {
      for (auto [From, To] : {std::pair(S, D), std::pair(D, S)}) {
        for (auto &[Off, T] : fields(From)) {
          unsigned To2 = find(To);
          bool Had = Nodes[To2].Fields.count(Nodes[To2].Collapsed ? 0 : Off);
          unsigned Target = field(To2, Off);
          if (!Had || find(Target) != find(T)) {
            unify(Target, T);
            Changed = true;
          }
        }
      }
    }
  }
}

void PointsToGraph::finish(const DenseSet<const CallBase *> &Exempt) {
  for (Copy &C : Copies) {
    C.Dest = find(C.Dest);
    C.Src = find(C.Src);
    Nodes[C.Dest].Copied = Nodes[C.Src].Copied = true;
    if (!Exempt.count(C.Call))
      Nodes[C.Dest].Duplicated = Nodes[C.Src].Duplicated = true;
  }
  propagateEscapes();
}

void PointsToGraph::propagateEscapes() {
  SmallVector<unsigned, 32> Work;
  for (unsigned I = 0; I < Nodes.size(); ++I) {
    if (find(I) != I)
      continue;
    if (Nodes[I].Duplicated)
      for (auto &[Off, T] : Nodes[I].Fields)
        escape(T, "copied with memcpy/memmove");
  }
  for (unsigned I = 0; I < Nodes.size(); ++I)
    if (find(I) == I && Nodes[I].Escaped)
      Work.push_back(I);
  while (!Work.empty()) {
    unsigned N = find(Work.pop_back_val());
    for (auto &[Off, T] : Nodes[N].Fields) {
      unsigned R = find(T);
      if (!Nodes[R].Escaped) {
        Nodes[R].Escaped = true;
        Nodes[R].Reason = "reachable from an escaped object";
        Work.push_back(R);
      }
    }
  }
}

PointsToGraph::PointsToGraph(Module &M, FunctionAnalysisManager &FAM) {
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    // Functions called through pointers may get anything.
    if (F.hasAddressTaken())
      for (Argument &A : F.args())
        if (A.getType()->isPointerTy())
          escape(pts(&A), "a parameter of an address-taken function");
    visit(F, FAM);
  }
  unifyCopies();
}

bool ShapeInfo::isOwningField(const Value *Addr) const {
  if (!Graph || Owning.empty())
    return false;
  std::optional<std::pair<unsigned, int64_t>> F = Graph->fieldOf(Addr);
  if (F && Owning.count({Graph->find(F->first), F->second}))
    return true;
  if (!Slots)
    return false;
  // An element of a vector whose buffer field is itself owning.
  std::optional<std::pair<unsigned, int64_t>> E =
      Slots->elementAt(Addr, *Graph);
  if (!E)
    return false;
  const SlotVector &V = Slots->vectors()[E->first];
  return Owning.count({V.Container, V.ItemsOff});
}

std::vector<const SlotVector *> ShapeInfo::ownedVectors(unsigned N) const {
  std::vector<const SlotVector *> R;
  if (!Slots)
    return R;
  for (const SlotVector *V : Slots->vectorsOf(Graph->find(N)))
    if (Owning.count({V->Container, V->ItemsOff}))
      R.push_back(V);
  return R;
}

void ShapeInfo::demote(const Value *Addr, const std::string &Why) {
  if (Slots)
    if (std::optional<std::pair<unsigned, int64_t>> E =
            Slots->elementAt(Addr, *Graph))
      return Slots->demote(E->first, E->second, Why);
  std::optional<std::pair<unsigned, int64_t>> F = Graph->fieldOf(Addr);
  std::pair<unsigned, int64_t> Key{Graph->find(F->first), F->second};
  Owning.erase(Key);
  NotOwning[Key] = Why;
}

bool ShapeInfo::needsDeepDrop(const Value *V) const {
  if (!Graph || Owning.empty())
    return false;
  int N = Graph->nodeOf(V);
  return N >= 0 && !owningFields(N).empty();
}

std::vector<std::pair<int64_t, unsigned>>
ShapeInfo::owningFields(unsigned N) const {
  std::vector<std::pair<int64_t, unsigned>> R;
  N = Graph->find(N);
  for (auto &[Off, T] : Graph->fields(N))
    if (Owning.count({N, Off}))
      R.push_back({Off, T});
  return R;
}

void ShapeInfo::print(raw_ostream &OS) const {
  if (!Graph)
    return;
  if (Lenders)
    Lenders->print(OS);
  if (Slots)
    Slots->print(OS, *Graph);
  for (unsigned N : Graph->nodesWithFields()) {
    if (Graph->sites(N).empty())
      continue;
    OS << "node " << N << ":";
    for (const AllocationSite &S : Graph->sites(N))
      OS << " " << S.Call->getFunction()->getName() << "/"
         << S.calleeName();
    if (Graph->isEscaped(N))
      OS << " (escaped: " << Graph->escapeReason(N) << ")";
    if (Graph->isCollapsed(N))
      OS << " (collapsed)";
    if (Graph->isReleasedByProgram(N))
      OS << " (released by the program)";
    if (Graph->isStack(N))
      OS << " (stack)";
    OS << "\n";
    for (auto &[Off, T] : Graph->fields(N)) {
      OS << "  field +" << Off << " -> node " << T << ": ";
      if (Owning.count({N, Off}))
        OS << "owning";
      else if (auto It = NotOwning.find({N, Off}); It != NotOwning.end())
        OS << "not owning: " << It->second;
      else
        OS << "not owning";
      OS << "\n";
    }
  }
}

bool PointsToGraph::overlapsRawAccess(unsigned N, int64_t Off,
                                      int64_t Size) const {
  N = find(N);
  for (const RawRange &R : Raw) {
    int RN = nodeOf(R.Base);
    if (RN < 0 || unsigned(RN) != N)
      continue;
    // In an array node the access may be to any element: compare offsets
    // within one element, also against the next element's field.
    int64_t ROff = normalize(N, R.Off), S = Nodes[N].Stride;
    if (S && R.Size >= S)
      return true;
    for (int64_t Shift : {int64_t(0), S})
      if (ROff < Off + Shift + Size && Off + Shift < ROff + R.Size)
        return true;
  }
  return false;
}

} // namespace asap
