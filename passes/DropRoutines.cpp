//===- passes/DropRoutines.cpp - Iterative deep drops of owned shapes -----===//
//
// Generated IR, in C terms:
//
//   void drop(void *root) {
//     if (!root) return;
//     struct { void *p; long tag; } inline_stack[16], *stack = inline_stack;
//     long top = 0, cap = 16;
//     push(root, TAG(root's node));
//     while (top) {
//       x = stack[--top];
//       switch (x.tag) {          // one case per node
//       case T: for each vector v of T, each slot i < x.p->v.count,
//                 each owning element field e:
//                 if (x.p->v.items[i].e) push(x.p->v.items[i].e, TAG(...));
//               for each owning field f of T:
//                 if (x.p->f) push(x.p->f, TAG(target of f));
//       }
//       free(x.p);
//     }
//     if (stack != inline_stack) free(stack);
//   }
//
// Most drops (a node whose children were moved out, a short list) fit the
// stack buffer and never call malloc. When one does not, push() moves the
// stack to the heap and doubles it with realloc after that, and calls
// abort() if that fails (a drop cannot report an error, and continuing
// would leak silently or worse).
//
//===----------------------------------------------------------------------===//
#include "passes/DropRoutines.h"
#include "analysis/Shapes.h"
#include "analysis/SlotVectors.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace asap {

static const char *const Prefix = "__asap.drop.";

bool isDropRoutine(const Function &F) { return F.getName().startswith(Prefix); }

Function *getOrCreateDropRoutine(Module &M, const ShapeInfo &Sh, unsigned Node,
                                 bool UseRuntime) {
  const PointsToGraph &G = *Sh.Graph;
  Node = G.find(Node);
  std::string Name = Prefix + std::to_string(Node);
  if (Function *F = M.getFunction(Name))
    return F;

  LLVMContext &Ctx = M.getContext();
  Type *Ptr = PointerType::getUnqual(Ctx);
  Type *I64 = Type::getInt64Ty(Ctx);
  Type *Void = Type::getVoidTy(Ctx);
  FunctionCallee Malloc =
      M.getOrInsertFunction("malloc", FunctionType::get(Ptr, {I64}, false));
  FunctionCallee Realloc = M.getOrInsertFunction(
      "realloc", FunctionType::get(Ptr, {Ptr, I64}, false));
  FunctionCallee Free =
      M.getOrInsertFunction("free", FunctionType::get(Void, {Ptr}, false));
  FunctionCallee Release =
      UseRuntime ? M.getOrInsertFunction("__asap_release",
                                         FunctionType::get(Void, {Ptr}, false))
                 : Free;
  FunctionCallee Abort =
      M.getOrInsertFunction("abort", FunctionType::get(Void, {}, false));

  // Nodes reachable through owning fields, each with a tag.
  MapVector<unsigned, unsigned> Tags;
  SmallVector<unsigned, 8> Work{Node};
  Tags[Node] = 0;
  while (!Work.empty()) {
    unsigned N = Work.pop_back_val();
    std::vector<unsigned> Children;
    for (auto &[Off, T] : Sh.owningFields(N))
      Children.push_back(T);
    for (const SlotVector *V : Sh.ownedVectors(N))
      for (auto &[Off, T] : V->Elements)
        Children.push_back(T);
    for (unsigned T : Children) {
      unsigned R = G.find(T);
      if (!Tags.count(R)) {
        Tags[R] = Tags.size();
        Work.push_back(R);
      }
    }
  }

  Function *F = Function::Create(FunctionType::get(Void, {Ptr}, false),
                                 GlobalValue::InternalLinkage, Name, M);
  F->addFnAttr(Attribute::NoUnwind);
  F->addFnAttr(Attribute::NoInline);
  Argument *Root = F->getArg(0);
  Root->setName("root");
  StructType *Entry = StructType::get(Ctx, {Ptr, I64});
  const uint64_t EntrySize = 16, InitialCap = 16;

  BasicBlock *EntryBB = BasicBlock::Create(Ctx, "entry", F);
  BasicBlock *Init = BasicBlock::Create(Ctx, "init", F);
  BasicBlock *Loop = BasicBlock::Create(Ctx, "loop", F);
  BasicBlock *Pop = BasicBlock::Create(Ctx, "pop", F);
  BasicBlock *ReleaseBB = BasicBlock::Create(Ctx, "release", F);
  BasicBlock *Done = BasicBlock::Create(Ctx, "done", F);
  BasicBlock *Exit = BasicBlock::Create(Ctx, "exit", F);
  BasicBlock *AbortBB = BasicBlock::Create(Ctx, "out.of.memory", F);

  IRBuilder<> B(EntryBB);
  Value *SlotAddr = B.CreateAlloca(I64, nullptr, "slot.addr");
  Value *BufAddr = B.CreateAlloca(Ptr, nullptr, "buf.addr");
  Value *TopAddr = B.CreateAlloca(I64, nullptr, "top.addr");
  Value *CapAddr = B.CreateAlloca(I64, nullptr, "cap.addr");
  Value *InlineBuf = B.CreateAlloca(ArrayType::get(Entry, InitialCap), nullptr,
                                    "inline.stack");
  B.CreateCondBr(
      B.CreateICmpEQ(Root, ConstantPointerNull::get(cast<PointerType>(Ptr))),
      Exit, Init);

  B.SetInsertPoint(AbortBB);
  B.CreateCall(Abort);
  B.CreateUnreachable();

  // Emits push(P, Tag) at the builder's position; continues in a new block.
  auto EmitPush = [&](Value *P, uint64_t Tag) {
    BasicBlock *Grow = BasicBlock::Create(Ctx, "grow", F);
    BasicBlock *Store = BasicBlock::Create(Ctx, "push", F);
    Value *Top = B.CreateLoad(I64, TopAddr);
    Value *Cap = B.CreateLoad(I64, CapAddr);
    B.CreateCondBr(B.CreateICmpEQ(Top, Cap), Grow, Store);
    B.SetInsertPoint(Grow);
    BasicBlock *First = BasicBlock::Create(Ctx, "grow.first", F);
    BasicBlock *Copy = BasicBlock::Create(Ctx, "grow.copy", F);
    BasicBlock *Again = BasicBlock::Create(Ctx, "grow.again", F);
    BasicBlock *Grown = BasicBlock::Create(Ctx, "grown", F);
    Value *Old = B.CreateLoad(Ptr, BufAddr);
    Value *NewCap = B.CreateShl(Cap, 1);
    Value *Bytes = B.CreateMul(NewCap, ConstantInt::get(I64, EntrySize));
    B.CreateCondBr(B.CreateICmpEQ(Old, InlineBuf), First, Again);
    B.SetInsertPoint(First); // Leaving the inline buffer: copy it out.
    Value *Moved = B.CreateCall(Malloc, {Bytes});
    B.CreateCondBr(B.CreateIsNull(Moved), AbortBB, Copy);
    B.SetInsertPoint(Copy);
    B.CreateMemCpy(Moved, MaybeAlign(8), InlineBuf, MaybeAlign(8),
                   B.CreateMul(Cap, ConstantInt::get(I64, EntrySize)));
    B.CreateBr(Grown);
    B.SetInsertPoint(Again);
    Value *Grew = B.CreateCall(Realloc, {Old, Bytes});
    B.CreateBr(Grown);
    B.SetInsertPoint(Grown);
    PHINode *NewBuf = B.CreatePHI(Ptr, 2);
    NewBuf->addIncoming(Moved, Copy);
    NewBuf->addIncoming(Grew, Again);
    B.CreateStore(NewBuf, BufAddr);
    B.CreateStore(NewCap, CapAddr);
    B.CreateCondBr(B.CreateIsNull(NewBuf), AbortBB, Store);
    B.SetInsertPoint(Store);
    Value *Slot = B.CreateGEP(Entry, B.CreateLoad(Ptr, BufAddr),
                              B.CreateLoad(I64, TopAddr));
    B.CreateStore(P, B.CreateStructGEP(Entry, Slot, 0));
    B.CreateStore(ConstantInt::get(I64, Tag),
                  B.CreateStructGEP(Entry, Slot, 1));
    B.CreateStore(
        B.CreateAdd(B.CreateLoad(I64, TopAddr), ConstantInt::get(I64, 1)),
        TopAddr);
  };

  // Emits `if (Obj->Off) push(Obj->Off, TAG(Target))`.
  auto EmitPushField = [&](Value *Obj, int64_t Off, unsigned Target) {
    Value *Child = B.CreateLoad(
        Ptr, B.CreateConstGEP1_64(B.getInt8Ty(), Obj, Off), "child");
    BasicBlock *PushBB = BasicBlock::Create(Ctx, "child.push", F);
    BasicBlock *Next = BasicBlock::Create(Ctx, "child.next", F);
    B.CreateCondBr(B.CreateIsNull(Child), Next, PushBB);
    B.SetInsertPoint(PushBB);
    EmitPush(Child, Tags.lookup(G.find(Target)));
    B.CreateBr(Next);
    B.SetInsertPoint(Next);
  };

  B.SetInsertPoint(Init);
  B.CreateStore(InlineBuf, BufAddr);
  B.CreateStore(ConstantInt::get(I64, 0), TopAddr);
  B.CreateStore(ConstantInt::get(I64, InitialCap), CapAddr);
  EmitPush(Root, 0);
  B.CreateBr(Loop);

  B.SetInsertPoint(Loop);
  B.CreateCondBr(
      B.CreateICmpEQ(B.CreateLoad(I64, TopAddr), ConstantInt::get(I64, 0)),
      Done, Pop);

  B.SetInsertPoint(Pop);
  Value *NewTop =
      B.CreateSub(B.CreateLoad(I64, TopAddr), ConstantInt::get(I64, 1));
  B.CreateStore(NewTop, TopAddr);
  Value *Slot = B.CreateGEP(Entry, B.CreateLoad(Ptr, BufAddr), NewTop);
  Value *X = B.CreateLoad(Ptr, B.CreateStructGEP(Entry, Slot, 0), "x");
  Value *Tag = B.CreateLoad(I64, B.CreateStructGEP(Entry, Slot, 1), "tag");
  SwitchInst *Switch = B.CreateSwitch(Tag, ReleaseBB, Tags.size());

  for (auto &[N, T] : Tags) {
    BasicBlock *Case = BasicBlock::Create(Ctx, "node." + std::to_string(N), F);
    Switch->addCase(ConstantInt::get(cast<IntegerType>(I64), T), Case);
    B.SetInsertPoint(Case);
    // Slots [0, count) of each vector's buffer, while the buffer (pushed
    // below as an owning field) is still allocated.
    for (const SlotVector *V : Sh.ownedVectors(N)) {
      Value *Items = B.CreateLoad(
          Ptr, B.CreateConstGEP1_64(B.getInt8Ty(), X, V->ItemsOff), "items");
      Value *Count = B.CreateSExt(
          B.CreateLoad(B.getIntNTy(8 * V->CountBytes),
                       B.CreateConstGEP1_64(B.getInt8Ty(), X, V->CountOff)),
          I64, "count");
      BasicBlock *Head = BasicBlock::Create(Ctx, "slot.head", F);
      BasicBlock *Body = BasicBlock::Create(Ctx, "slot.body", F);
      BasicBlock *After = BasicBlock::Create(Ctx, "slot.done", F);
      B.CreateStore(ConstantInt::get(I64, 0), SlotAddr);
      B.CreateCondBr(B.CreateIsNull(Items), After, Head);
      B.SetInsertPoint(Head);
      Value *J = B.CreateLoad(I64, SlotAddr, "slot");
      B.CreateCondBr(B.CreateICmpSLT(J, Count), Body, After);
      B.SetInsertPoint(Body);
      Value *Elt = B.CreateGEP(B.getInt8Ty(), Items,
                               B.CreateMul(J, ConstantInt::get(I64, V->Stride)));
      for (auto &[Off, Target] : V->Elements)
        EmitPushField(Elt, Off, Target);
      B.CreateStore(B.CreateAdd(B.CreateLoad(I64, SlotAddr),
                                ConstantInt::get(I64, 1)),
                    SlotAddr);
      B.CreateBr(Head);
      B.SetInsertPoint(After);
    }
    for (auto &[Off, Target] : Sh.owningFields(N))
      EmitPushField(X, Off, Target);
    B.CreateBr(ReleaseBB);
  }

  B.SetInsertPoint(ReleaseBB);
  B.CreateCall(Release, {X});
  B.CreateBr(Loop);

  B.SetInsertPoint(Done);
  BasicBlock *FreeBB = BasicBlock::Create(Ctx, "free.stack", F);
  Value *Final = B.CreateLoad(Ptr, BufAddr);
  B.CreateCondBr(B.CreateICmpEQ(Final, InlineBuf), Exit, FreeBB);
  B.SetInsertPoint(FreeBB);
  B.CreateCall(Free, {Final});
  B.CreateBr(Exit);

  B.SetInsertPoint(Exit);
  B.CreateRetVoid();
  return F;
}

} // namespace asap
