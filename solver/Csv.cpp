//===- Csv.cpp - The public packing benchmark format ----------------------===//
#include "Csv.h"

#include <charconv>
#include <unordered_map>

namespace asap {
namespace solver {

static std::string trim(const std::string &S) {
  size_t B = S.find_first_not_of(" \t\r");
  if (B == std::string::npos)
    return "";
  size_t E = S.find_last_not_of(" \t\r");
  return S.substr(B, E - B + 1);
}

static std::vector<std::string> splitFields(const std::string &Line) {
  std::vector<std::string> Fields;
  size_t Start = 0;
  while (true) {
    size_t Comma = Line.find(',', Start);
    Fields.push_back(trim(Line.substr(Start, Comma - Start)));
    if (Comma == std::string::npos)
      break;
    Start = Comma + 1;
  }
  return Fields;
}

static bool parseInt(const std::string &S, int64_t &V) {
  if (S.empty())
    return false;
  const char *B = S.data(), *E = S.data() + S.size();
  if (*B == '+')
    ++B;
  auto [Ptr, Ec] = std::from_chars(B, E, V);
  return Ec == std::errc() && Ptr == E;
}

bool parsePackingCsv(const std::string &Text, const std::string &Name,
                     bool RequireOffsets, PackingCsv &Out,
                     std::string &Error) {
  Out = PackingCsv();
  unsigned LineNo = 0;
  size_t Pos = 0;
  bool HaveHeader = false;
  int Id = -1, Lower = -1, Upper = -1, Size = -1, Align = -1;
  std::unordered_map<std::string, unsigned> FirstLineOfId;
  auto Fail = [&](unsigned Line, const std::string &Msg) {
    Error = Name + ":" + std::to_string(Line) + ": " + Msg;
    return false;
  };
  while (Pos < Text.size()) {
    size_t NL = Text.find('\n', Pos);
    std::string Line =
        Text.substr(Pos, NL == std::string::npos ? std::string::npos : NL - Pos);
    Pos = NL == std::string::npos ? Text.size() : NL + 1;
    ++LineNo;
    if (trim(Line).empty())
      continue;
    std::vector<std::string> Fields = splitFields(Line);
    if (!HaveHeader) {
      HaveHeader = true;
      Out.Header = Fields;
      for (size_t I = 0; I < Fields.size(); ++I) {
        const std::string &F = Fields[I];
        int *Slot = F == "id"          ? &Id
                    : F == "lower"     ? &Lower
                    : F == "upper"     ? &Upper
                    : F == "size"      ? &Size
                    : F == "alignment" ? &Align
                    : F == "offset"    ? &Out.OffsetColumn
                                       : nullptr;
        if (!Slot)
          continue;
        if (*Slot >= 0)
          return Fail(LineNo, "column '" + F + "' appears twice in the header");
        *Slot = int(I);
      }
      for (auto [Col, ColName] : {std::make_pair(Id, "id"),
                                  std::make_pair(Lower, "lower"),
                                  std::make_pair(Upper, "upper"),
                                  std::make_pair(Size, "size")})
        if (Col < 0)
          return Fail(LineNo, std::string("missing column '") + ColName +
                                  "' in header (need id,lower,upper,size)");
      if (RequireOffsets && Out.OffsetColumn < 0)
        return Fail(LineNo, "missing column 'offset' in header (needed by "
                            "--validate)");
      continue;
    }
    if (Fields.size() != Out.Header.size())
      return Fail(LineNo, "expected " + std::to_string(Out.Header.size()) +
                              " fields, found " +
                              std::to_string(Fields.size()));
    Buffer B;
    B.Id = Fields[Id];
    if (B.Id.empty())
      return Fail(LineNo, "empty id");
    auto Number = [&](int Col, int64_t &V) {
      if (parseInt(Fields[Col], V))
        return true;
      Error = Name + ":" + std::to_string(LineNo) + ": " + Out.Header[Col] +
              " of buffer '" + B.Id + "' is not an integer: '" + Fields[Col] +
              "'";
      return false;
    };
    if (!Number(Lower, B.Lower) || !Number(Upper, B.Upper) ||
        !Number(Size, B.Size))
      return false;
    if (Align >= 0 && !Number(Align, B.Alignment))
      return false;
    if (B.Size < 0)
      return Fail(LineNo, "negative size " + std::to_string(B.Size) +
                              " for buffer '" + B.Id + "'");
    if (B.Upper <= B.Lower)
      return Fail(LineNo, "buffer '" + B.Id + "' has upper " +
                              std::to_string(B.Upper) + " <= lower " +
                              std::to_string(B.Lower));
    if (B.Alignment < 1)
      return Fail(LineNo, "alignment of buffer '" + B.Id +
                              "' must be at least 1, got " +
                              std::to_string(B.Alignment));
    if (RequireOffsets) {
      int64_t Off = 0;
      if (!Number(Out.OffsetColumn, Off))
        return false;
      if (Off < 0)
        return Fail(LineNo, "negative offset " + std::to_string(Off) +
                                " for buffer '" + B.Id + "'");
      Out.Offsets.push_back(Off);
    }
    auto [It, New] = FirstLineOfId.emplace(B.Id, LineNo);
    if (!New)
      return Fail(LineNo, "duplicate id '" + B.Id + "' (first on line " +
                              std::to_string(It->second) + ")");
    Out.Buffers.Buffers.push_back(std::move(B));
    Out.Rows.push_back(std::move(Fields));
    Out.LineOf.push_back(LineNo);
  }
  if (!HaveHeader)
    return Fail(1, "empty file, expected the header id,lower,upper,size");
  return true;
}

std::string writePackingCsv(const PackingCsv &In,
                            const std::vector<int64_t> &Offsets) {
  std::string Text;
  auto Emit = [&](const std::vector<std::string> &Fields,
                  const std::string &Offset) {
    for (size_t I = 0; I < Fields.size(); ++I) {
      if (I)
        Text += ',';
      Text += int(I) == In.OffsetColumn ? Offset : Fields[I];
    }
    if (In.OffsetColumn < 0) {
      if (!Fields.empty())
        Text += ',';
      Text += Offset;
    }
    Text += '\n';
  };
  Emit(In.Header, "offset");
  for (size_t R = 0; R < In.Rows.size(); ++R)
    Emit(In.Rows[R], std::to_string(Offsets[R]));
  return Text;
}

} // namespace solver
} // namespace asap
