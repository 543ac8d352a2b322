//===- passes/CheckRules.cpp - asap-check's rules -------------------------===//
//
// The rules of CheckRules.h. Messages name the source variable when debug
// info has one ("memory allocated for 'buf'") and the allocator otherwise
// ("memory allocated by 'malloc'"); the allocation site is always a note, so
// the unnamed form still leads the reader to the object.
//
//===----------------------------------------------------------------------===//
#include "passes/CheckRules.h"

#include "analysis/BranchConditions.h"
#include "analysis/Deallocators.h"
#include "analysis/FreeStates.h"
#include "analysis/LastUse.h"
#include "analysis/Summaries.h"
#include "passes/SourceInfo.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/PatternMatch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace asap {

namespace {

/// How messages refer to one heap object.
struct ObjectText {
  std::string Var;     ///< Source variable, or empty.
  std::string Subject; ///< "memory allocated for 'buf'" / "... by 'malloc'"
  std::string Noun;    ///< "'buf'" / "memory"
};

ObjectText describeObject(const Value *Obj, StringRef KnownVar = "") {
  ObjectText T;
  if (const auto *Arg = dyn_cast<Argument>(Obj)) {
    T.Var = sourceVariableName(Arg);
    if (T.Var.empty())
      T.Var = Arg->getName().str();
    if (T.Var.empty())
      T.Var = "#" + std::to_string(Arg->getArgNo() + 1);
    T.Subject = "memory pointed to by parameter '" + T.Var + "'";
    T.Noun = "'" + T.Var + "'";
    return T;
  }
  const auto *Alloc = cast<CallBase>(Obj);
  T.Var = KnownVar.str();
  if (T.Var.empty())
    T.Var = sourceVariableName(Alloc);
  if (T.Var.empty())
    // `p = c ? malloc(a) : malloc(b)`: the name belongs to the merge;
    // `r = new T[n]` with a destructor: to the pointer past the array
    // cookie.
    for (const User *U : Alloc->users())
      if (isa<PHINode>(U) || isa<SelectInst>(U) || isa<GetElementPtrInst>(U) ||
          isa<CastInst>(U)) {
        T.Var = sourceVariableName(U);
        if (!T.Var.empty())
          break;
      }
  if (!T.Var.empty()) {
    T.Subject = "memory allocated for '" + T.Var + "'";
    T.Noun = "'" + T.Var + "'";
  } else {
    T.Subject = "memory allocated by '" + calleeSpelling(*Alloc) + "'";
    T.Noun = "memory";
  }
  return T;
}

/// "util.c:12" (file name only: the path is in the note's own location).
std::string shortPlace(const Instruction *I) {
  SourceLocation Loc = sourceLocationOf(I);
  if (!Loc.isValid())
    return "an unknown line";
  return sys::path::filename(Loc.File).str() + ":" + std::to_string(Loc.Line);
}

std::string functionText(const Function *F) {
  return sourceFunctionName(*F) + "()";
}

/// A call whose callee returns a fresh object, followed into the callees
/// (make_buf() -> alloc_raw() -> malloc) to the allocation the result is.
struct HelperChain {
  SmallVector<const Function *, 2> Calls; ///< Outermost callee first.
  const Instruction *Inner = nullptr;     ///< The allocation or release.
};

HelperChain allocationChain(const CallBase &CB, const CalleeFacts &Callees,
                            const TargetLibraryInfo &TLI) {
  HelperChain Chain;
  const CallBase *Cur = &CB;
  for (unsigned Depth = 0; Cur && Depth < 8; ++Depth) {
    if (isHeapAllocation(*Cur, TLI)) {
      Chain.Inner = Cur;
      break;
    }
    const Function *G = Cur->getCalledFunction();
    if (!G || !Callees.returnsFresh(*Cur) || is_contained(Chain.Calls, G))
      break;
    Chain.Calls.push_back(G);
    const CallBase *Next = nullptr;
    for (const BasicBlock &BB : *G)
      if (const auto *Ret = dyn_cast<ReturnInst>(BB.getTerminator()))
        if (const Value *RV = Ret->getReturnValue())
          for (const PointerBase &B :
               findPointerOrigins(RV, G->getParent()->getDataLayout(), nullptr)
                   .Bases)
            if (const auto *Call = dyn_cast<CallBase>(B.Base);
                !Next && Call &&
                (isHeapAllocation(*Call, TLI) || Callees.returnsFresh(*Call)))
              Next = Call;
    Cur = Next;
  }
  return Chain;
}

/// A call releasing its argument inside the callee (destroy(p) ->
/// free(p)), followed to the release that does it.
HelperChain releaseChain(const CallBase &CB, const CalleeFacts &Callees,
                         const TargetLibraryInfo &TLI) {
  HelperChain Chain;
  const CallBase *Cur = &CB;
  for (unsigned Depth = 0; Cur && Depth < 8; ++Depth) {
    if (releasedPointer(*Cur, TLI)) {
      Chain.Inner = Cur;
      break;
    }
    const CallBase *Inner = nullptr;
    if (Callees.releasedArgument(*Cur, &Inner) < 0)
      break;
    Chain.Calls.push_back(Cur->getCalledFunction());
    Cur = Inner;
  }
  return Chain;
}

/// "released by destroy() at util.c:30 (called here)", with the functions
/// in between when the release is deeper ("via release()").
std::string chainText(const HelperChain &Chain, StringRef Verb,
                      StringRef Preposition) {
  std::string Text =
      (Verb + " " + Preposition + " ").str() + functionText(Chain.Calls.back());
  if (Chain.Inner)
    Text += " at " + shortPlace(Chain.Inner);
  if (Chain.Calls.size() > 1) {
    Text += " via";
    for (unsigned I = 0; I + 1 < Chain.Calls.size(); ++I)
      Text += (I ? ", " : " ") + functionText(Chain.Calls[I]);
  }
  return Text + " (called here)";
}

/// The call is an allocation or release made by a function of the module.
bool isHelperCall(const CallBase &CB, const TargetLibraryInfo &TLI) {
  return !isHeapAllocation(CB, TLI) && !releasedPointer(CB, TLI);
}

/// The allocator family of an allocation site; for a call returning a
/// fresh object, the family its summary records.
std::optional<AllocFamily> familyOf(const CallBase &Alloc,
                                    const FreeStates &States,
                                    const TargetLibraryInfo &TLI) {
  if (isHeapAllocation(Alloc, TLI))
    return allocationFamily(Alloc, TLI);
  const Function *Callee = Alloc.getCalledFunction();
  if (const CalleeFacts *C = States.callees(); C && Callee && C->Summaries)
    if (const FunctionSummary *S = C->Summaries->lookup(Callee))
      if (S->Ret == ReturnKind::FreshOwned &&
          S->RetFamily != AllocFamily::Unknown)
        return S->RetFamily;
  return std::nullopt;
}

FindingNote ownAllocationNote(const Value *Obj, const ObjectText &T);

FindingNote allocationNote(const Value *Obj, const ObjectText &T,
                           const FreeStates *States = nullptr,
                           const TargetLibraryInfo *TLI = nullptr) {
  if (const auto *CB = dyn_cast<CallBase>(Obj);
      CB && States && States->callees() && TLI && isHelperCall(*CB, *TLI)) {
    HelperChain Chain = allocationChain(*CB, *States->callees(), *TLI);
    if (!Chain.Calls.empty())
      return {sourceLocationOf(CB),
              T.Noun + " " + chainText(Chain, "allocated", "in")};
  }
  return ownAllocationNote(Obj, T);
}

/// The second step of a helper's path: the allocation or release inside
/// the callee, as a note of its own so that tools can jump there.
std::optional<FindingNote> innerNote(const HelperChain &Chain, StringRef Does) {
  if (Chain.Calls.empty() || !Chain.Inner)
    return std::nullopt;
  SourceLocation Loc = sourceLocationOf(Chain.Inner);
  if (!Loc.isValid())
    return std::nullopt;
  return FindingNote{Loc, functionText(Chain.Inner->getFunction()) + " " +
                              Does.str() + " it here"};
}

/// The allocation note, and for a helper's object the allocation inside it.
void addAllocationNotes(std::vector<FindingNote> &Notes, const Value *Obj,
                        const ObjectText &T, const FreeStates &States,
                        const TargetLibraryInfo &TLI) {
  Notes.push_back(allocationNote(Obj, T, &States, &TLI));
  if (const auto *CB = dyn_cast<CallBase>(Obj);
      CB && States.callees() && isHelperCall(*CB, TLI))
    if (std::optional<FindingNote> Inner = innerNote(
            allocationChain(*CB, *States.callees(), TLI), "allocates"))
      Notes.push_back(*Inner);
}

FindingNote ownAllocationNote(const Value *Obj, const ObjectText &T) {
  if (const auto *Arg = dyn_cast<Argument>(Obj)) {
    SourceLocation Loc;
    if (const DISubprogram *SP = Arg->getParent()->getSubprogram()) {
      SmallString<256> Path(SP->getFilename());
      if (!sys::path::is_absolute(Path) && !SP->getDirectory().empty()) {
        Path = SP->getDirectory();
        sys::path::append(Path, SP->getFilename());
      }
      Loc = {std::string(Path), SP->getLine(), 0};
    }
    return {Loc, T.Noun + " is a parameter; its memory belongs to the caller"};
  }
  return {sourceLocationOf(cast<Instruction>(Obj)), T.Noun + " allocated here"};
}

std::string lineOf(const Instruction *I) {
  SourceLocation Loc = sourceLocationOf(I);
  return Loc.Line ? "line " + std::to_string(Loc.Line) : "an earlier point";
}

std::string throughLine(unsigned Line) {
  return Line ? "on the path through line " + std::to_string(Line)
              : std::string("on some path");
}

Finding makeFinding(FindingKind K, const Function &F, const Instruction *At,
                    std::string Message) {
  Finding Fd;
  Fd.Kind = K;
  Fd.Loc = sourceLocationOf(At);
  Fd.Message = std::move(Message);
  Fd.Function = sourceFunctionName(F);
  return Fd;
}

/// Without debug info a finding has no place: name the function in the
/// message so that findings of different functions stay apart.
void placeInFunction(Finding &Fd) {
  if (!Fd.Loc.isValid())
    Fd.Message += " (in function '" + Fd.Function + "')";
}

} // namespace

void checkReleaseOrder(const Function &F, const FreeStates &States,
                       const TargetLibraryInfo &TLI,
                       std::vector<Finding> &Out) {
  for (const MemoryEvent &Ev : States.events()) {
    ObjectText T = describeObject(Ev.Object);
    const CallBase *First = Ev.EarlierReleases.front();
    bool Double = Ev.Kind == MemoryEvent::DoubleFree;
    // realloc releases the old block when it succeeds; say so, since the
    // program never wrote a free there.
    // A function of the module that releases it: name the function.
    auto Released = [&](const CallBase *R) {
      if (isHelperCall(*R, TLI) && R->getCalledFunction())
        return "released by '" + functionText(R->getCalledFunction()) + "'";
      return std::string(isReallocCall(*R, TLI) ? "released by 'realloc'"
                                                : "freed");
    };
    std::string Message = T.Subject +
                          (Double ? " is freed twice: it was already "
                                  : " is used after it was ") +
                          Released(First) + " at " + lineOf(First) +
                          (First == Ev.At ? " in an earlier iteration" : "");
    Finding Fd = makeFinding(Double ? FindingKind::DoubleFree
                                    : FindingKind::UseAfterFree,
                             F, Ev.At, std::move(Message));
    // The second release is a helper's too: where inside it.
    if (const auto *Again = dyn_cast<CallBase>(Ev.At);
        Double && Again && States.callees() && isHelperCall(*Again, TLI))
      if (std::optional<FindingNote> Inner = innerNote(
              releaseChain(*Again, *States.callees(), TLI), "releases"))
        Fd.Notes.push_back({Inner->Loc, Inner->Message + " again"});
    for (const CallBase *R : Ev.EarlierReleases) {
      if (States.callees() && isHelperCall(*R, TLI)) {
        HelperChain Chain = releaseChain(*R, *States.callees(), TLI);
        if (!Chain.Calls.empty()) {
          Fd.Notes.push_back(
              {sourceLocationOf(R),
               T.Noun + " " + chainText(Chain, "released", "by")});
          if (std::optional<FindingNote> Inner = innerNote(Chain, "releases"))
            Fd.Notes.push_back(*Inner);
          continue;
        }
      }
      Fd.Notes.push_back(
          {sourceLocationOf(R), T.Noun + " was " + Released(R) + " here"});
    }
    addAllocationNotes(Fd.Notes, Ev.Object, T, States, TLI);
    placeInFunction(Fd);
    Out.push_back(std::move(Fd));
  }
}

namespace {

/// True when Release only runs on paths where a dominating branch has
/// established `Freed != Base`, as in `if (buf != local) free(buf);`.
bool guardedAgainst(const CallBase &Release, const Value *Freed,
                    const Value *Base, const DominatorTree &DT) {
  using namespace PatternMatch;
  const Value *Ptr = Freed->stripPointerCasts();
  const BasicBlock *Target = Release.getParent();
  for (const DomTreeNode *N = DT.getNode(Target); N; N = N->getIDom()) {
    const auto *Br = dyn_cast<BranchInst>(N->getBlock()->getTerminator());
    if (!Br || !Br->isConditional())
      continue;
    const Value *Cond = Br->getCondition();
    bool Negated = false;
    const Value *X;
    while (match(Cond, m_Not(m_Value(X)))) {
      Cond = X;
      Negated = !Negated;
    }
    const auto *Cmp = dyn_cast<ICmpInst>(Cond);
    if (!Cmp || !Cmp->isEquality())
      continue;
    const Value *L = Cmp->getOperand(0)->stripPointerCasts();
    const Value *R = Cmp->getOperand(1)->stripPointerCasts();
    if (!((L == Ptr && R == Base) || (L == Base && R == Ptr)))
      continue;
    bool EqualWhenTrue = (Cmp->getPredicate() == ICmpInst::ICMP_EQ) != Negated;
    const BasicBlock *NotEqual = Br->getSuccessor(EqualWhenTrue ? 1 : 0);
    if (DT.dominates(BasicBlockEdge(N->getBlock(), NotEqual), Target))
      return true;
  }
  return false;
}

} // namespace

void checkDeallocators(const Function &F, const FreeStates &States,
                       const TargetLibraryInfo &TLI, const DominatorTree &DT,
                       std::vector<Finding> &Out) {
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB)
        continue;
      const Value *Freed = releasedPointer(*CB, TLI);
      if (!Freed)
        continue;
      bool Realloc = isReallocCall(*CB, TLI);
      std::optional<AllocFamily> ReleaseFamily = allocationFamily(*CB, TLI);
      std::string Releaser = Realloc || !ReleaseFamily
                                 ? calleeSpelling(*CB)
                                 : releaseSpelling(*ReleaseFamily).str();
      const PointerOrigins &Origins = States.origins(Freed);
      SmallPtrSet<const Value *, 4> Seen;
      for (const PointerBase &B : Origins.Bases) {
        if (!Seen.insert(B.Base).second)
          continue;
        if (guardedAgainst(*CB, Freed, B.Base, DT))
          continue;
        if (const auto *Alloc = dyn_cast<CallBase>(B.Base);
            Alloc && States.isAllocationSite(Alloc)) {
          ObjectText T = describeObject(Alloc);
          // A helper's object has the family its summary records.
          std::optional<AllocFamily> Family = familyOf(*Alloc, States, TLI);
          bool Helper = isHelperCall(*Alloc, TLI);
          if (Family && ReleaseFamily && *Family != *ReleaseFamily) {
            StringRef Allocator = allocatorSpelling(*Family);
            std::string AllocatedWith =
                *Family == AllocFamily::Malloc && !Helper
                    ? calleeSpelling(*Alloc)
                    : Allocator.str();
            Finding Fd =
                makeFinding(FindingKind::MismatchedDealloc, F, CB,
                            T.Subject + " with '" + AllocatedWith +
                                "' is released with '" + Releaser + "'; use '" +
                                releaseSpelling(*Family).str() + "'");
            addAllocationNotes(Fd.Notes, Alloc, T, States, TLI);
            placeInFunction(Fd);
            Out.push_back(std::move(Fd));
          }
          // delete of a new[] with a destructor also misses the array
          // cookie: the mismatch above already explains that offset.
          bool CookieOfMismatch = Family == AllocFamily::NewArray &&
                                  ReleaseFamily &&
                                  *ReleaseFamily != AllocFamily::NewArray;
          if (B.Offset && *B.Offset != 0 && !CookieOfMismatch) {
            Finding Fd = makeFinding(
                FindingKind::NonHeapFree, F, CB,
                "'" + Releaser + "' called on a pointer " +
                    std::to_string(*B.Offset) +
                    " bytes from the start of the " + T.Subject +
                    "; only the start of a heap object can be released");
            addAllocationNotes(Fd.Notes, Alloc, T, States, TLI);
            placeInFunction(Fd);
            Out.push_back(std::move(Fd));
          }
          continue;
        }
        if (const auto *Slot = dyn_cast<AllocaInst>(B.Base)) {
          std::string Var = sourceVariableName(Slot);
          Finding Fd =
              makeFinding(FindingKind::NonHeapFree, F, CB,
                          "'" + Releaser + "' called on stack memory" +
                              (Var.empty() ? std::string() : " '" + Var + "'") +
                              "; only heap memory can be released");
          placeInFunction(Fd);
          Out.push_back(std::move(Fd));
          continue;
        }
        if (const auto *G = dyn_cast<GlobalVariable>(B.Base)) {
          bool Literal = G->hasPrivateLinkage() && G->isConstant();
          Finding Fd = makeFinding(
              FindingKind::NonHeapFree, F, CB,
              "'" + Releaser + "' called on " +
                  (Literal ? std::string("a string literal")
                           : "global '" + G->getName().str() + "'") +
                  "; only heap memory can be released");
          placeInFunction(Fd);
          Out.push_back(std::move(Fd));
        }
      }
    }
}

namespace {

/// Where a leak is reported and where its release belongs.
struct LeakPlace {
  SourceLocation Primary; ///< Where the path goes on without the object.
  unsigned ThroughLine = 0;
  std::optional<FixIt> Fix;           ///< When a line insertion is right.
  std::optional<FindingNote> FixNote; ///< Otherwise, the fix in words.
};

/// Computes the report place of drop point D. A fix-it is a line inserted
/// after a given line; it is only offered when the line before the insertion
/// ends a statement or opens/closes a block, since inserting after `if (c)`
/// or in the middle of `if (c) return;` would change the program's meaning.
LeakPlace placeLeak(const DropPoint &D, const std::string &Release) {
  LeakPlace P;
  if (!D.isEdge()) {
    const Instruction *At = D.LastUse ? D.LastUse : D.After;
    P.Primary = sourceLocationOf(At);
    P.ThroughLine = P.Primary.Line;
    if (lineEndsStatement(P.Primary.File, P.Primary.Line)) {
      P.Fix = FixIt{P.Primary, Release};
    } else {
      P.FixNote = FindingNote{P.Primary, "fix: insert '" + Release +
                                             "' after the last use on line " +
                                             std::to_string(P.Primary.Line)};
    }
    return P;
  }
  SourceLocation Branch = sourceLocationOf(D.From->getTerminator());
  P.ThroughLine = Branch.Line;
  // The path enters a block of its own: the statement it goes on with is
  // where the object is lost (a loop exit's `return`, a braced branch).
  if (D.To->getSinglePredecessor() == D.From) {
    SourceLocation Entry = firstSourceLocationIn(D.To);
    if (Entry.isValid() && Entry.File == Branch.File &&
        Entry.Line > Branch.Line) {
      P.Primary = Entry;
      if (lineEndsStatement(Entry.File, Entry.Line - 1)) {
        SourceLocation Before{Entry.File, Entry.Line - 1, 0};
        P.Fix = FixIt{Before, Release};
      } else {
        P.FixNote =
            FindingNote{Entry, "fix: insert '" + Release + "' before line " +
                                   std::to_string(Entry.Line) +
                                   ", in braces with the statement there"};
      }
      return P;
    }
  }
  // An unconditional jump (`return x;` into a shared return block, `break`):
  // the release goes right before that statement.
  if (D.From->getTerminator()->getNumSuccessors() == 1 && Branch.isValid()) {
    P.Primary = Branch;
    if (Branch.Line > 1 && lineEndsStatement(Branch.File, Branch.Line - 1)) {
      P.Fix = FixIt{SourceLocation{Branch.File, Branch.Line - 1, 0}, Release};
    } else {
      P.FixNote = FindingNote{Branch, "fix: insert '" + Release +
                                          "' before the statement at line " +
                                          std::to_string(Branch.Line)};
    }
    return P;
  }
  // The path jumps to code other paths share (`if (c) return;`, `continue`):
  // the release belongs in the branch itself.
  P.Primary = Branch;
  P.FixNote = FindingNote{
      Branch, "fix: insert '" + Release + "' in the branch taken at line " +
                  std::to_string(Branch.Line) + ", before it leaves"};
  return P;
}

/// Calls after which the process is gone, also when a declaration lacks
/// the attribute (a header without __attribute__((noreturn))).
bool endsProcess(const Instruction &I) {
  const auto *CB = dyn_cast<CallBase>(&I);
  if (!CB)
    return false;
  if (CB->doesNotReturn())
    return true;
  const Function *Callee = CB->getCalledFunction();
  if (!Callee || !Callee->isDeclaration())
    return false;
  return StringSwitch<bool>(Callee->getName())
      .Cases("exit", "_exit", "_Exit", "quick_exit", "abort", true)
      .Cases("__assert_fail", "__assert_perror_fail", "__assert", true)
      .Cases("longjmp", "siglongjmp", "_longjmp", "__longjmp_chk", true)
      .Default(false);
}

/// The blocks every path from which ends the process or the thread of
/// control (`exit(1);`, a failed assert(), a call to the program's own
/// noreturn `die()`): an object live there is not lost, the process ends
/// with it (valgrind: "still reachable"). Paths that loop forever are not
/// in the set: their leaks accumulate.
class EndingBlocks {
public:
  explicit EndingBlocks(const Function &F) {
    for (const BasicBlock &BB : F)
      if (isa<UnreachableInst>(BB.getTerminator()) ||
          any_of(BB, [](const Instruction &I) { return endsProcess(I); }))
        Ending.insert(&BB);
    // Least fixpoint: a block all of whose successors end, ends.
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const BasicBlock &BB : F)
        if (!Ending.count(&BB) && succ_size(&BB) > 0 &&
            all_of(successors(&BB),
                   [&](const BasicBlock *S) { return Ending.count(S); }))
          Changed = Ending.insert(&BB).second;
    }
  }

  bool ends(const BasicBlock *BB) const { return Ending.count(BB); }

  /// The path that goes on from drop point D without the object ends the
  /// process before it could have released it.
  bool endsAfter(const DropPoint &D) const {
    if (D.isEdge())
      return ends(D.To);
    const Instruction *At = D.After ? D.After : D.LastUse;
    if (!At || ends(At->getParent()))
      return At != nullptr;
    for (const Instruction *I = At->getNextNode(); I; I = I->getNextNode())
      if (endsProcess(*I))
        return true;
    return false;
  }

private:
  SmallPtrSet<const BasicBlock *, 16> Ending;
};

CaseSet casesAtDrop(const FreeStates &States, const CallBase *Obj,
                    const DropPoint &D) {
  if (D.isEdge())
    return States.onEdge(Obj, D.From, D.To);
  return States.after(Obj, D.After);
}

} // namespace

namespace {

/// True when an instruction reachable from Start refers to memory that may
/// be Obj (any pointer operand whose origins may point into it).
bool referencedFrom(const BasicBlock *Start, const Value *Obj,
                    const FreeStates &States) {
  SmallVector<const BasicBlock *, 8> Work{Start};
  SmallPtrSet<const BasicBlock *, 16> Seen{Start};
  while (!Work.empty()) {
    const BasicBlock *BB = Work.pop_back_val();
    for (const Instruction &I : *BB) {
      if (isa<DbgInfoIntrinsic>(I))
        continue;
      for (const Value *Op : I.operands())
        if (Op->getType()->isPointerTy() && !isa<Constant>(Op) &&
            States.origins(Op).mayPointInto(Obj))
          return true;
    }
    for (const BasicBlock *Succ : successors(BB))
      if (Seen.insert(Succ).second)
        Work.push_back(Succ);
  }
  return false;
}

/// `p = realloc(p, n); if (!p) return;`: when realloc fails, the old block
/// is still allocated, and nothing refers to it any more.
void checkReallocFailure(const Function &F, const FreeStates &States,
                         const TargetLibraryInfo &TLI,
                         const EndingBlocks &Ending,
                         std::vector<Finding> &Out) {
  for (const BasicBlock &BB : F) {
    const auto *Br = dyn_cast<BranchInst>(BB.getTerminator());
    if (!Br || !Br->isConditional())
      continue;
    unsigned NullSucc = 0;
    const Value *Tested = nullTestedPointer(*Br, NullSucc);
    if (!Tested)
      continue;
    const auto *Realloc =
        dyn_cast_or_null<CallBase>(States.origins(Tested).exactObject());
    if (!Realloc || !isReallocCall(*Realloc, TLI))
      continue;
    const Value *OldPtr = releasedPointer(*Realloc, TLI);
    const PointerOrigins &Old = States.origins(OldPtr);
    const auto *OldObj = dyn_cast_or_null<CallBase>(Old.singleBase());
    if (!OldObj) {
      // `buf = realloc(buf, n)` in a loop: the previous iteration's block.
      if (Old.Bases.size() == 1 && !Old.Incomplete)
        OldObj = dyn_cast<CallBase>(Old.Bases.front().Base);
    }
    if (!OldObj || !isHeapAllocation(*OldObj, TLI))
      continue;
    Instance Which = States.instanceAt(Old, OldObj, Realloc);
    if (Which != Instance::Current && Which != Instance::Previous)
      continue;
    const BasicBlock *Failed = Br->getSuccessor(NullSucc);
    if (Ending.ends(Failed) ||
        !FreeStates::mayBeLive(States.onEdge(OldObj, &BB, Failed), Which) ||
        referencedFrom(Failed, OldObj, States))
      continue;
    ObjectText T = describeObject(OldObj);
    if (T.Var.empty())
      T = describeObject(OldObj, sourceVariableName(OldPtr));
    SourceLocation Branch = sourceLocationOf(Br);
    Finding Fd = makeFinding(FindingKind::Leak, F, Br,
                             T.Subject + " is never released " +
                                 throughLine(Branch.Line) +
                                 " where 'realloc' at " + lineOf(Realloc) +
                                 " fails (the old block is still allocated)");
    Fd.Notes.push_back(allocationNote(OldObj, T));
    Fd.Notes.push_back(
        {sourceLocationOf(Realloc),
         "fix: keep the result of 'realloc' in another variable and release " +
             T.Noun + " when it is NULL"});
    placeInFunction(Fd);
    Out.push_back(std::move(Fd));
  }
}

} // namespace

void checkLeaks(const Function &F, const FreeStates &States,
                const LastUseInfo &LastUse, const TargetLibraryInfo &TLI,
                std::vector<Finding> &Out) {
  EndingBlocks Ending(F);
  checkReallocFailure(F, States, TLI, Ending, Out);
  for (const ObjectLifetime &L : LastUse.Lifetimes) {
    if (L.Drops.empty() || LastUse.decisionOf(L) == Decision::Undecided)
      continue;
    const Owner &O = LastUse.owner(L);
    if (!O.Def) // An owning parameter: its callers are checked instead.
      continue;
    // The allocation sites whose objects the owner may hold.
    SmallVector<const CallBase *, 2> Objects;
    for (const PointerBase &B : States.origins(O.Def).Bases)
      if (const auto *Alloc = dyn_cast<CallBase>(B.Base))
        if (States.isAllocationSite(Alloc) && !is_contained(Objects, Alloc) &&
            familyOf(*Alloc, States, TLI) != AllocFamily::GC)
          Objects.push_back(Alloc); // The collector owns GC_MALLOC objects.
    if (Objects.empty())
      continue;
    // The owner may be a cursor walking the object (`for (p = buf; ...)`):
    // name the variable the allocation was assigned to when there is one.
    auto NameOf = [&](const CallBase *Obj) {
      std::string Own = sourceVariableName(Obj);
      return Own.empty() ? L.VarName : Own;
    };
    ObjectText T = describeObject(
        Objects.front(), Objects.size() == 1 ? NameOf(Objects.front())
                                             : std::string(L.VarName));
    std::optional<AllocFamily> Family = familyOf(*Objects.front(), States, TLI);

    // One finding per exit path: `if (a || b || c) return 1;` leaves the
    // object on three edges into the same block.
    SmallPtrSet<const BasicBlock *, 4> ReportedInto;
    for (const DropPoint &D : L.Drops) {
      if (Ending.endsAfter(D))
        continue; // exit(), abort(), a failed assert(): nothing is lost.
      // A block with phis merges distinct paths (a shared `return r;`):
      // those stay apart.
      if (D.isEdge() && !isa<PHINode>(D.To->front()) &&
          ReportedInto.count(D.To))
        continue;
      // A loop-carried owner may hold the previous iteration's instance at
      // the drop point; ask about the instance it holds there.
      const Instruction *At = D.isEdge() ? D.From->getTerminator() : D.After;
      bool Live = any_of(Objects, [&](const CallBase *Obj) {
        Instance Which = States.instanceAt(States.origins(O.Def), Obj, At);
        if (Which != Instance::Current && Which != Instance::Previous)
          return false;
        return FreeStates::mayBeLive(casesAtDrop(States, Obj, D), Which);
      });
      if (!Live)
        continue; // Null on this path, already released, or escaped.
      std::string Release =
          releaseStatement(Family.value_or(AllocFamily::Malloc), T.Var);
      LeakPlace P = placeLeak(D, Release);
      Finding Fd;
      Fd.Kind = FindingKind::Leak;
      Fd.Loc = P.Primary;
      Fd.Function = sourceFunctionName(F);
      Fd.Message =
          T.Subject + " is never released " + throughLine(P.ThroughLine);
      for (const CallBase *Obj : Objects)
        addAllocationNotes(
            Fd.Notes, Obj,
            describeObject(Obj, Objects.size() == 1 ? NameOf(Obj)
                                                    : std::string(L.VarName)),
            States, TLI);
      if (T.Var.empty()) {
        // No name to write the release with: say it in words, never as an
        // edit that would not compile.
        P.Fix.reset();
        P.FixNote = FindingNote{
            P.Primary,
            "fix: release it with '" +
                releaseSpelling(Family.value_or(AllocFamily::Malloc)).str() +
                "' on this path after its last use"};
      }
      if (isHelperCall(*Objects.front(), TLI) && !T.Var.empty()) {
        // A helper's object may own more memory (make_buf() filling in
        // b->data): a plain release is only right when it owns nothing
        // else, so the fix is in words, never an edit.
        P.Fix.reset();
        P.FixNote = FindingNote{
            P.Primary, "fix: release " + T.Noun +
                           " on this path after its last use, "
                           "with the release that matches " +
                           functionText(Objects.front()->getCalledFunction()) +
                           " ('" + Release + "' if it owns no other memory)"};
      }
      if (P.FixNote)
        Fd.Notes.push_back(*P.FixNote);
      Fd.Fix = P.Fix;
      placeInFunction(Fd);
      Out.push_back(std::move(Fd));
      if (D.isEdge())
        ReportedInto.insert(D.To);
    }
  }
}

} // namespace asap
