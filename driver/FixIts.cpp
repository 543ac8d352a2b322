//===- driver/FixIts.cpp - Applying check mode's fix-its ------------------===//
//
// Per file: the distinct (line, text) insertions, applied from the bottom
// up so earlier line numbers stay valid, each indented like the line it
// follows; the file is replaced atomically. A fix-it past the end of the
// file (the source changed since it was compiled) is an error for that
// file, which is then left untouched.
//
//===----------------------------------------------------------------------===//

#include "driver/FixIts.h"

#include "driver/DriverError.h"

#include "passes/Findings.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <set>
#include <utility>

using namespace llvm;

namespace asap {
namespace driver {

namespace {

using Insertion = std::pair<unsigned, std::string>; // After line, text.

Expected<unsigned> applyToFile(StringRef File,
                               const std::set<Insertion> &Insertions) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(File);
  if (!Buf)
    return inputError("cannot apply fix-its to '" + displayPath(File) +
                      "': " + Buf.getError().message());
  StringRef Text = (*Buf)->getBuffer();

  // Lines with their terminators, so the file is rewritten byte for byte.
  SmallVector<StringRef, 256> Lines;
  while (!Text.empty()) {
    size_t End = Text.find('\n');
    End = End == StringRef::npos ? Text.size() : End + 1;
    Lines.push_back(Text.take_front(End));
    Text = Text.drop_front(End);
  }
  for (const Insertion &I : Insertions)
    if (I.first == 0 || I.first > Lines.size())
      return inputError("cannot apply fix-its to '" + displayPath(File) +
                        "': line " + Twine(I.first) +
                        " is past its end (changed since it was checked?)");

  std::vector<std::string> Out(Lines.begin(), Lines.end());
  // std::set orders by line: walk it backwards so insertions below do not
  // shift the lines above. Several insertions after one line end up in the
  // set's (alphabetical) order.
  for (auto It = Insertions.rbegin(); It != Insertions.rend(); ++It) {
    StringRef After = Lines[It->first - 1];
    StringRef Indent =
        After.take_while([](char C) { return C == ' ' || C == '\t'; });
    StringRef Newline = After.endswith("\r\n") ? "\r\n" : "\n";
    if (!After.endswith("\n"))
      Out[It->first - 1] += Newline.str(); // Last line without a newline.
    Out.insert(Out.begin() + It->first, (Indent + It->second + Newline).str());
  }
  if (Error E = writeToOutput(File, [&](raw_ostream &OS) {
        for (const std::string &Line : Out)
          OS << Line;
        return Error::success();
      }))
    return inputError("cannot write '" + displayPath(File) +
                      "': " + toString(std::move(E)));
  return Insertions.size();
}

} // namespace

Expected<unsigned> applyFixIts(const FindingSet &Set, raw_ostream &Log) {
  StringMap<std::set<Insertion>> ByFile;
  for (const Finding &F : Set.all())
    if (F.Fix && F.Fix->Loc.isValid() && !F.Fix->Text.empty())
      ByFile[F.Fix->Loc.File].insert({F.Fix->Loc.Line, F.Fix->Text});

  std::vector<std::string> Files;
  for (const auto &Entry : ByFile)
    Files.push_back(Entry.getKey().str());
  llvm::sort(Files);

  unsigned Total = 0;
  for (const std::string &File : Files) {
    Expected<unsigned> N = applyToFile(File, ByFile[File]);
    if (!N)
      return N.takeError();
    Log << "asapc: applied " << *N << (*N == 1 ? " fix-it" : " fix-its")
        << " to " << displayPath(File) << '\n';
    Total += *N;
  }
  return Total;
}

} // namespace driver
} // namespace asap
