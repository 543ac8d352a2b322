//===- passes/SourceInfo.cpp - Source names and places for diagnostics ----===//
//
// See SourceInfo.h. File names are joined with the compilation directory
// when debug info records them relative, so that every finding carries the
// same absolute path whatever the working directory of the run.
//
//===----------------------------------------------------------------------===//
#include "passes/SourceInfo.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace asap {

namespace {

SourceLocation fromDILocation(const DILocation *DL) {
  SourceLocation Loc;
  if (!DL || DL->getLine() == 0)
    return Loc;
  SmallString<256> Path(DL->getFilename());
  if (!sys::path::is_absolute(Path) && !DL->getDirectory().empty()) {
    Path = DL->getDirectory();
    sys::path::append(Path, DL->getFilename());
  }
  Loc.File = std::string(Path);
  Loc.Line = DL->getLine();
  Loc.Column = DL->getColumn();
  return Loc;
}

std::string nameFromDebugUsers(const Value *V) {
  SmallVector<DbgVariableIntrinsic *, 2> Users;
  findDbgUsers(Users, const_cast<Value *>(V));
  // The variable a call's result is first assigned to names it best (`line`
  // in `line = strdup(...); ... prev = line;`): look right after it first.
  if (const auto *I = dyn_cast<Instruction>(V))
    for (const Instruction *N = I->getNextNode(); N; N = N->getNextNode())
      if (const auto *DVI = dyn_cast<DbgVariableIntrinsic>(N)) {
        if (is_contained(Users, DVI))
          if (const DILocalVariable *Var = DVI->getVariable())
            if (!Var->getName().empty() && !Var->isArtificial())
              return Var->getName().str();
      } else if (!isa<DbgInfoIntrinsic>(N)) {
        break;
      }
  // A stack slot's own variable (dbg.declare) names it better than a pointer
  // variable that happens to point at it (dbg.value). Ties go by use-list
  // order, which is stable for a given module.
  for (bool Declares : {true, false})
    for (const DbgVariableIntrinsic *DVI : Users)
      if (isa<DbgDeclareInst>(DVI) == Declares)
        if (const DILocalVariable *Var = DVI->getVariable())
          if (!Var->getName().empty() && !Var->isArtificial())
            return Var->getName().str();
  return "";
}

} // namespace

SourceLocation sourceLocationOf(const Instruction *I) {
  if (!I)
    return {};
  SourceLocation Loc = fromDILocation(I->getDebugLoc().get());
  if (Loc.isValid())
    return Loc;
  for (const Instruction *P = I->getPrevNode(); P; P = P->getPrevNode())
    if (!isa<DbgInfoIntrinsic>(P)) {
      Loc = fromDILocation(P->getDebugLoc().get());
      if (Loc.isValid())
        return Loc;
    }
  for (const Instruction *N = I->getNextNode(); N; N = N->getNextNode())
    if (!isa<DbgInfoIntrinsic>(N)) {
      Loc = fromDILocation(N->getDebugLoc().get());
      if (Loc.isValid())
        return Loc;
    }
  return Loc;
}

SourceLocation firstSourceLocationIn(const BasicBlock *BB) {
  for (const Instruction &I : *BB) {
    if (isa<PHINode>(I) || isa<DbgInfoIntrinsic>(I))
      continue;
    SourceLocation Loc = fromDILocation(I.getDebugLoc().get());
    if (Loc.isValid())
      return Loc;
  }
  return {};
}

std::string sourceVariableName(const Value *V) {
  // A parameter is named by its own variable (DILocalVariable arg: N), not
  // by a local that starts as a copy of it (`for (n = head; ...)`).
  if (const auto *Arg = dyn_cast<Argument>(V)) {
    SmallVector<DbgVariableIntrinsic *, 2> Users;
    findDbgUsers(Users, const_cast<Argument *>(Arg));
    for (const DbgVariableIntrinsic *DVI : Users)
      if (const DILocalVariable *Var = DVI->getVariable())
        if (Var->isParameter() && Var->getArg() == Arg->getArgNo() + 1)
          return Var->getName().str();
  }
  for (unsigned Depth = 0; V && Depth < 8; ++Depth) {
    std::string Name = nameFromDebugUsers(V);
    if (!Name.empty())
      return Name;
    // Unpromoted code: the pointer is stored into a local with dbg.declare.
    for (const User *U : V->users())
      if (const auto *Store = dyn_cast<StoreInst>(U))
        if (Store->getValueOperand() == V) {
          Name = nameFromDebugUsers(Store->getPointerOperand());
          if (!Name.empty())
            return Name;
        }
    if (const auto *GEP = dyn_cast<GEPOperator>(V)) {
      if (!GEP->hasAllZeroIndices())
        return "";
      V = GEP->getPointerOperand();
    } else if (const auto *Cast = dyn_cast<CastInst>(V)) {
      V = Cast->getOperand(0);
    } else {
      return "";
    }
  }
  return "";
}

bool lineEndsStatement(const std::string &File, unsigned Line) {
  // One pass reads each source file at most once.
  static StringMap<std::vector<std::string>> Cache;
  auto [It, Inserted] = Cache.try_emplace(File);
  if (Inserted) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(File);
    if (Buf) {
      SmallVector<StringRef, 256> Lines;
      (*Buf)->getBuffer().split(Lines, '\n');
      for (StringRef L : Lines)
        It->second.push_back(L.str());
    }
  }
  const std::vector<std::string> &Lines = It->second;
  if (Line == 0 || Line > Lines.size())
    return false;
  StringRef Text = Lines[Line - 1];
  // A trailing line comment does not count; string literals containing "//"
  // only make the answer conservative.
  size_t Comment = Text.find("//");
  if (Comment != StringRef::npos)
    Text = Text.take_front(Comment);
  Text = Text.rtrim();
  return !Text.empty() &&
         (Text.back() == ';' || Text.back() == '{' || Text.back() == '}');
}

std::string sourceFunctionName(const Function &F) {
  if (const DISubprogram *SP = F.getSubprogram())
    if (!SP->getName().empty())
      return SP->getName().str();
  return demangle(F.getName().str());
}

} // namespace asap
