//===- Svg.cpp - Drawing a packing ----------------------------------------===//
#include "Svg.h"

#include <algorithm>
#include <cstdio>

namespace asap {
namespace solver {

static std::string escapeXml(const std::string &S) {
  std::string R;
  for (char C : S) {
    switch (C) {
    case '<': R += "&lt;"; break;
    case '>': R += "&gt;"; break;
    case '&': R += "&amp;"; break;
    case '"': R += "&quot;"; break;
    default: R += C;
    }
  }
  return R;
}

std::string renderPackingSvg(const Problem &P,
                             const std::vector<int64_t> &Offsets,
                             int64_t LowerBound, int64_t Capacity) {
  const double Width = 1000, Height = 600, Margin = 40;
  int64_t TMin = 0, TMax = 1;
  if (!P.Buffers.empty()) {
    TMin = P.Buffers[0].Lower;
    TMax = P.Buffers[0].Upper;
  }
  for (const Buffer &B : P.Buffers) {
    TMin = std::min(TMin, B.Lower);
    TMax = std::max(TMax, B.Upper);
  }
  int64_t Peak = peakOf(P, Offsets);
  int64_t Top = std::max({Peak, LowerBound, Capacity, int64_t(1)});
  double XScale = Width / double(std::max<int64_t>(TMax - TMin, 1));
  double YScale = Height / double(Top);
  auto Y = [&](double Offset) { return Margin + Height - Offset * YScale; };
  std::string S;
  char Buf[512];
  std::snprintf(Buf, sizeof(Buf),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">\n",
                Width + 2 * Margin, Height + 2 * Margin, Width + 2 * Margin,
                Height + 2 * Margin);
  S += Buf;
  std::snprintf(Buf, sizeof(Buf),
                "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" "
                "fill=\"white\" stroke=\"black\"/>\n",
                Margin, Margin, Width, Height);
  S += Buf;
  for (size_t I = 0; I < P.size() && I < Offsets.size(); ++I) {
    const Buffer &B = P.Buffers[I];
    if (B.Size == 0)
      continue;
    unsigned Hue = unsigned(I * 137) % 360;
    std::snprintf(Buf, sizeof(Buf),
                  "<rect x=\"%.3f\" y=\"%.3f\" width=\"%.3f\" height=\"%.3f\" "
                  "fill=\"hsl(%u,60%%,70%%)\" stroke=\"black\" "
                  "stroke-width=\"0.3\"><title>",
                  Margin + (B.Lower - TMin) * XScale,
                  Y(double(Offsets[I] + B.Size)),
                  (B.Upper - B.Lower) * XScale, B.Size * YScale, Hue);
    S += Buf;
    S += escapeXml(B.Id) + " [" + std::to_string(B.Lower) + ", " +
         std::to_string(B.Upper) + ") size " + std::to_string(B.Size) +
         " offset " + std::to_string(Offsets[I]) + "</title></rect>\n";
  }
  auto Line = [&](int64_t Value, const char *Color, const char *Label) {
    std::snprintf(Buf, sizeof(Buf),
                  "<line class=\"%s\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.3f\" "
                  "y2=\"%.3f\" stroke=\"%s\" stroke-dasharray=\"6,3\"/>\n"
                  "<text x=\"%.0f\" y=\"%.3f\" font-size=\"12\" fill=\"%s\">"
                  "%s %lld</text>\n",
                  Label, Margin, Margin + Width, Y(double(Value)),
                  Y(double(Value)), Color, Margin + 4, Y(double(Value)) - 3,
                  Color, Label, (long long)Value);
    S += Buf;
  };
  Line(LowerBound, "red", "lower-bound");
  if (Capacity >= 0)
    Line(Capacity, "blue", "capacity");
  std::snprintf(Buf, sizeof(Buf),
                "<text x=\"%.0f\" y=\"%.0f\" font-size=\"12\">time %lld..%lld, "
                "peak %lld</text>\n</svg>\n",
                Margin, Margin - 10, (long long)TMin, (long long)TMax,
                (long long)Peak);
  S += Buf;
  return S;
}

} // namespace solver
} // namespace asap
