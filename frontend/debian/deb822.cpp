// The deb822 line grammar (PEGTL) and the paragraph/field builder around it.
// Lines are split first; each line is matched on its own (by `comment_line`, `indented_line`
// or `unindented_line`, picked by its first byte), so the grammar is flat and the OpenPGP armor state lives in plain C++.
#include "frontend/debian/deb822.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/core.h>
#include <tao/pegtl.hpp>

#include "frontend/debian/text.hpp"
#include "frontend/placeholders.hpp"

namespace katalint::frontend::debian {

namespace pegtl = tao::pegtl;

namespace grammar {
// clang-format off
using namespace tao::pegtl;

struct blank : one<' ', '\t', '\r', '\f', '\v'> {};
struct comment_line : seq<one<'#'>, star<any>> {};
struct blank_line : seq<star<blank>, eof> {};
struct name_char : not_one<':', ' ', '\t', '\n', '\r', '\f', '\v'> {};
struct field_name : plus<name_char> {};
struct separator : seq<star<blank>, one<':'>, star<blank>> {};
struct word : plus<not_one<' ', '\t', '\r', '\f', '\v', '\n'>> {};
struct value_text : seq<word, star<seq<plus<blank>, word>>> {};
struct trailing : plus<blank> {};
struct field_line : seq<field_name, separator, opt<value_text>, opt<trailing>, eof> {};
struct indent : plus<blank> {};
struct continuation_line : seq<indent, value_text, opt<trailing>, eof> {};
struct invalid_line : star<any> {};
// The first byte picks the kind of line (see Builder::handle_line); lookaheads run without
// actions, so a failed alternative leaves no tokens behind.
struct indented_line : sor<seq<at<blank_line>, blank_line>, continuation_line> {};
struct field_head : seq<field_name, star<blank>, one<':'>> {};
struct unindented_line : sor<seq<at<field_head>, field_line>, seq<at<blank_line>, blank_line>, invalid_line> {};
// clang-format on
}  // namespace grammar

namespace {

enum class LineKind { None, Comment, Blank, Continuation, Field, Invalid };

struct LineState {
  const char* base;
  std::vector<Token>* tokens;
  LineKind kind = LineKind::None;
  std::uint32_t name_begin = 0, name_end = 0;
  std::uint32_t value_begin = 0, value_end = 0;  // Value token of this line
  bool has_value = false;
  std::uint32_t sep_end = 0;

  std::uint32_t off(const char* p) const { return static_cast<std::uint32_t>(p - base); }
  void push(TokenKind k, const char* b, const char* e) {
    if (e > b) tokens->push_back({k, off(b), off(e)});
  }
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<grammar::comment_line> {
  template <typename In>
  static void apply(const In& in, LineState& st) {
    st.kind = LineKind::Comment;
    st.push(TokenKind::Comment, in.begin(), in.end());
  }
};
template <>
struct action<grammar::blank_line> {
  template <typename In>
  static void apply(const In& in, LineState& st) {
    st.kind = LineKind::Blank;
    st.push(TokenKind::Blank, in.begin(), in.end());
  }
};
template <>
struct action<grammar::field_name> {
  template <typename In>
  static void apply(const In& in, LineState& st) {
    st.name_begin = st.off(in.begin());
    st.name_end = st.off(in.end());
    st.push(TokenKind::FieldName, in.begin(), in.end());
  }
};
template <>
struct action<grammar::separator> {
  template <typename In>
  static void apply(const In& in, LineState& st) {
    st.sep_end = st.off(in.end());
    st.push(TokenKind::Separator, in.begin(), in.end());
  }
};
template <>
struct action<grammar::value_text> {
  template <typename In>
  static void apply(const In& in, LineState& st) {
    st.has_value = true;
    st.value_begin = st.off(in.begin());
    st.value_end = st.off(in.end());
    st.push(TokenKind::Value, in.begin(), in.end());
  }
};
template <>
struct action<grammar::trailing> {
  template <typename In>
  static void apply(const In& in, LineState& st) {
    st.push(TokenKind::TrailingSpace, in.begin(), in.end());
  }
};
template <>
struct action<grammar::indent> {
  template <typename In>
  static void apply(const In& in, LineState& st) {
    st.push(TokenKind::Indent, in.begin(), in.end());
  }
};
template <>
struct action<grammar::field_line> {
  template <typename In>
  static void apply(const In&, LineState& st) { st.kind = LineKind::Field; }
};
template <>
struct action<grammar::continuation_line> {
  template <typename In>
  static void apply(const In&, LineState& st) { st.kind = LineKind::Continuation; }
};
template <>
struct action<grammar::invalid_line> {
  template <typename In>
  static void apply(const In& in, LineState& st) {
    st.kind = LineKind::Invalid;
    st.push(TokenKind::Invalid, in.begin(), in.end());
  }
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// `-----BEGIN PGP <what>-----` / `-----END PGP <what>-----`, trailing blanks allowed.
bool armor_line(std::string_view line, bool& begin, std::string_view& what) {
  std::string_view rest;
  if (starts_with(line, "-----BEGIN PGP ")) {
    begin = true;
    rest = line.substr(15);
  } else if (starts_with(line, "-----END PGP ")) {
    begin = false;
    rest = line.substr(13);
  } else {
    return false;
  }
  rest = trim_right(rest);
  if (rest.size() < 6 || rest.substr(rest.size() - 5) != "-----") return false;
  what = rest.substr(0, rest.size() - 5);
  return what.find('-') == std::string_view::npos;
}

bool valid_name(std::string_view name) {
  if (name.front() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x21 && u <= 0x7e;
  });
}

class Builder {
 public:
  Builder(Deb822Document& doc, ir::DiagnosticSink& sink)
      : doc_(doc), sink_(sink), map_(doc.file, doc.map) {}

  void run() {
    const std::string_view text = doc_.text;
    check_text_bytes(text, map_, sink_);
    const auto lines = split_lines(text);
    doc_.tokens.reserve(lines.size() * 4);
    enum class Armor { None, Headers, Signature, Done } armor = Armor::None;
    for (const TextLine& l : lines) {
      ++line_no_;
      const std::string_view content = text.substr(l.begin, l.end - l.begin);
      bool begin = false;
      std::string_view what;
      const bool is_armor = content.size() > 5 && content[0] == '-' && armor_line(content, begin, what);
      if (armor == Armor::Headers || armor == Armor::Signature || is_armor) {
        close_paragraph();
        if (is_armor && begin && what == "SIGNED MESSAGE") {
          armor = Armor::Headers;
          doc_.is_signed = true;
        } else if (is_armor && begin && what == "SIGNATURE") {
          armor = Armor::Signature;
        } else if (is_armor && !begin) {
          armor = Armor::Done;
        } else if (armor == Armor::Headers && trim(content).empty()) {
          armor = Armor::None;  // the blank line after the armor headers starts the body
        }
        push(TokenKind::Armor, l.begin, l.end);
        push(TokenKind::Newline, l.end, l.next);
        continue;
      }
      handle_line(l, content);
      push(TokenKind::Newline, l.end, l.next);
    }
    if (armor == Armor::Headers || armor == Armor::Signature) {
      const auto end = static_cast<std::uint32_t>(text.size());
      sink_.report("deb822-unterminated-signature", ir::Severity::Error, map_.range(end, end),
                   "openpgp armor is not terminated by an end line");
    }
    close_paragraph();
  }

 private:
  void push(TokenKind k, std::uint32_t b, std::uint32_t e) {
    if (e > b) doc_.tokens.push_back({k, b, e});
  }

  void handle_line(const TextLine& l, std::string_view content) {
    LineState st{doc_.text.data(), &doc_.tokens};
    pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf, const char*> in(
        content.data(), content.data() + content.size(), "");
    const std::size_t first_token = doc_.tokens.size();
    bool matched = false;
    if (!content.empty() && content.front() == '#') {
      matched = pegtl::parse<grammar::comment_line, action>(in, st);
    } else if (!content.empty() && (content.front() == ' ' || content.front() == '\t')) {
      matched = pegtl::parse<grammar::indented_line, action>(in, st);
    } else {
      matched = pegtl::parse<grammar::unindented_line, action>(in, st);
    }
    if (!matched) {  // not expected; keep the tiling whatever happens
      doc_.tokens.resize(first_token);
      st.kind = LineKind::Invalid;
      push(TokenKind::Invalid, l.begin, l.end);
    }
    switch (st.kind) {
      case LineKind::Comment:
        if (cur_para_ >= 0) para_end_ = l.end;
        if (doc_.flavor != Deb822Flavor::Control && doc_.flavor != Deb822Flavor::TestsControl) {
          sink_.report("deb822-comment-not-allowed", ir::Severity::Warning,
                       map_.range(l.begin, l.end),
                       fmt::format("comment lines are not allowed in a {} file",
                                   to_string(doc_.flavor)));
        }
        break;
      case LineKind::Blank:
        if (l.end > l.begin && cur_para_ >= 0) {
          sink_.report("deb822-whitespace-separator", ir::Severity::Info,
                       map_.range(l.begin, l.end),
                       "paragraph separator line contains whitespace");
        }
        close_paragraph();
        break;
      case LineKind::Continuation:
        if (cur_field_ < 0) {
          open_paragraph(l.begin);
          para_end_ = l.end;
          sink_.report("deb822-continuation-before-field", ir::Severity::Error,
                       map_.range(l.begin, l.end), "continuation line outside of a field");
          break;
        }
        add_continuation(l);
        break;
      case LineKind::Field:
        add_field(l, st);
        break;
      case LineKind::Invalid:
      case LineKind::None:
        open_paragraph(l.begin);
        para_end_ = l.end;
        sink_.report("deb822-missing-colon", ir::Severity::Error, map_.range(l.begin, l.end),
                     "line is not a 'Field: value' line, a continuation line or a comment");
        break;
    }
  }

  void open_paragraph(std::uint32_t begin) {
    if (cur_para_ >= 0) return;
    doc_.paragraphs.emplace_back();
    doc_.paragraphs.back().fields.reserve(16);
    cur_para_ = static_cast<int>(doc_.paragraphs.size() - 1);
    para_begin_ = begin;
    seen_.clear();
  }

  void close_paragraph() {
    finish_field();
    if (cur_para_ < 0) return;
    doc_.paragraphs[static_cast<std::size_t>(cur_para_)].range = map_.range(para_begin_, para_end_);
    cur_para_ = -1;
  }

  Deb822Field& field() {
    return doc_.paragraphs[static_cast<std::size_t>(cur_para_)].fields[static_cast<std::size_t>(cur_field_)];
  }

  void add_field(const TextLine& l, const LineState& st) {
    finish_field();
    open_paragraph(l.begin);
    auto& para = doc_.paragraphs[static_cast<std::size_t>(cur_para_)];
    para.fields.emplace_back();
    cur_field_ = static_cast<int>(para.fields.size() - 1);
    Deb822Field& f = para.fields.back();
    const std::string_view text = doc_.text;
    f.name.assign(text.substr(st.name_begin, st.name_end - st.name_begin));
    f.line = line_no_;
    f.name_range = map_.range(st.name_begin, st.name_end);
    // python3-debian strips Unicode whitespace around the first-line data.
    std::uint32_t vb = st.sep_end;
    std::uint32_t ve = l.end;
    while (vb < ve) {
      const auto n = py_space_length(text.substr(0, ve), vb);
      if (n == 0) break;
      vb += static_cast<std::uint32_t>(n);
    }
    while (ve > vb) {
      const auto n = py_space_length_before(text.substr(0, ve), ve);
      if (n == 0 || ve - n < vb) break;
      ve -= static_cast<std::uint32_t>(n);
    }
    f.first_piece = static_cast<std::uint32_t>(doc_.pieces.size());
    f.piece_count = 1;
    doc_.pieces.push_back({vb, ve});
    field_begin_ = st.name_begin;
    para_end_ = l.end;

    if (!valid_name(f.name)) {
      sink_.report("deb822-invalid-field-name", ir::Severity::Error, f.name_range,
                   f.name.front() == '-'
                       ? fmt::format("field name '{}' starts with a hyphen", f.name)
                       : fmt::format("field name '{}' contains characters outside printable ascii",
                                     f.name));
    }
    auto [it, inserted] = seen_.try_emplace(text.substr(st.name_begin, st.name_end - st.name_begin),
                                            static_cast<std::size_t>(cur_field_));
    if (!inserted) {
      const Deb822Field& first = para.fields[it->second];
      auto& d = sink_.report("deb822-duplicate-field", ir::Severity::Error, f.name_range,
                             fmt::format("duplicate field '{}' in this paragraph", f.name));
      d.notes.push_back({first.name_range, "first defined here"});
      it->second = static_cast<std::size_t>(cur_field_);
    }
  }

  void add_continuation(const TextLine& l) {
    // python3-debian keeps the whole line, leading blanks and trailing blanks included,
    // minus a trailing CR.
    std::uint32_t e = l.end;
    while (e > l.begin && doc_.text[e - 1] == '\r') --e;
    doc_.pieces.push_back({l.begin, e});
    ++field().piece_count;
    para_end_ = l.end;
  }

  void finish_field() {
    if (cur_field_ < 0) return;
    Deb822Field& f = field();
    const ValuePiece& first = doc_.pieces[f.first_piece];
    const ValuePiece& last = doc_.pieces[f.first_piece + f.piece_count - 1];
    std::size_t size = first.end - first.begin;
    for (std::uint32_t i = 1; i < f.piece_count; ++i) {
      const auto& p = doc_.pieces[f.first_piece + i];
      size += 1 + (p.end - p.begin);
    }
    f.value.reserve(size);
    f.value.append(doc_.piece_text(first));
    for (std::uint32_t i = 1; i < f.piece_count; ++i) {
      f.value.push_back('\n');
      f.value.append(doc_.piece_text(doc_.pieces[f.first_piece + i]));
    }
    f.range = map_.range(field_begin_, last.end);
    f.value_range = map_.range(first.begin, last.end);
    if (f.value.empty()) {
      if (doc_.flavor == Deb822Flavor::Control) {
        sink_.report("debian-control-has-empty-field", ir::Severity::Info, f.range,
                     fmt::format("field '{}' is empty and will be ignored", f.name));
      } else {
        sink_.report("deb822-empty-field", ir::Severity::Warning, f.range,
                     fmt::format("field '{}' is empty", f.name));
      }
    }
    cur_field_ = -1;
  }

  Deb822Document& doc_;
  ir::DiagnosticSink& sink_;
  RangeMap map_;
  int cur_para_ = -1;
  int cur_field_ = -1;
  std::uint32_t para_begin_ = 0, para_end_ = 0, field_begin_ = 0;
  std::uint32_t line_no_ = 0;
  struct NameHash {
    std::size_t operator()(std::string_view s) const {
      std::size_t h = 1469598103934665603ull;
      for (char c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
      }
      return h;
    }
  };
  struct NameEq {
    bool operator()(std::string_view a, std::string_view b) const { return iequals(a, b); }
  };
  // Field names of the open paragraph (views into the text) -> field index.
  std::unordered_map<std::string_view, std::size_t, NameHash, NameEq> seen_;
};

}  // namespace

std::string_view to_string(Deb822Flavor flavor) {
  switch (flavor) {
    case Deb822Flavor::Control: return "debian/control";
    case Deb822Flavor::TestsControl: return "debian/tests/control";
    case Deb822Flavor::Copyright: return "debian/copyright";
    case Deb822Flavor::Dsc: return ".dsc";
    case Deb822Flavor::Index: return "index";
  }
  return "deb822";
}

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::FieldName: return "field-name";
    case TokenKind::Separator: return "separator";
    case TokenKind::Value: return "value";
    case TokenKind::Indent: return "indent";
    case TokenKind::TrailingSpace: return "trailing-space";
    case TokenKind::Newline: return "newline";
    case TokenKind::Comment: return "comment";
    case TokenKind::Blank: return "blank";
    case TokenKind::Armor: return "armor";
    case TokenKind::Invalid: return "invalid";
  }
  return "?";
}

const Deb822Field* Deb822Paragraph::find(std::string_view name) const {
  for (auto it = fields.rbegin(); it != fields.rend(); ++it) {
    if (iequals(it->name, name)) return &*it;
  }
  return nullptr;
}

std::uint32_t Deb822Document::to_source(std::uint32_t offset) const {
  return RangeMap(file, map).to_source(offset);
}

ir::Range Deb822Document::range(std::uint32_t begin, std::uint32_t end) const {
  return RangeMap(file, map).range(begin, end);
}

Deb822Document parse_deb822(const ir::SourceFile& file, std::string_view text,
                            const FilledTemplate* map, Deb822Flavor flavor,
                            ir::DiagnosticSink& sink) {
  Deb822Document doc;
  doc.file = file.id();
  doc.flavor = flavor;
  doc.map = map;
  if (reject_oversized(text, RangeMap(file.id(), map), sink)) return doc;
  doc.text.assign(text);
  Builder(doc, sink).run();
  return doc;
}

Deb822Document parse_deb822(const ir::SourceFile& file, Deb822Flavor flavor,
                            ir::DiagnosticSink& sink) {
  return parse_deb822(file, file.text(), nullptr, flavor, sink);
}

bool looks_like_dep5(std::string_view text) {
  for (const TextLine& l : split_lines(text)) {
    const std::string_view line = text.substr(l.begin, l.end - l.begin);
    if (trim(line).empty() || line.front() == '#') continue;
    return line.size() >= 7 && iequals(line.substr(0, 7), "format:");
  }
  return false;
}

std::string reprint(const Deb822Document& doc) {
  std::string out;
  out.reserve(doc.text.size());
  for (const Token& t : doc.tokens) out.append(doc.slice(t.begin, t.end));
  return out;
}

std::string folded_value(const Deb822Document& doc, const Deb822Field& field) {
  std::string out;
  for (std::uint32_t i = 0; i < field.piece_count; ++i) {
    const std::string_view line = trim(doc.piece_text(doc.pieces[field.first_piece + i]));
    if (line.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(line);
  }
  return out;
}

std::vector<std::string> multiline_value(const Deb822Document& doc, const Deb822Field& field) {
  std::vector<std::string> out;
  out.reserve(field.piece_count);
  out.emplace_back(doc.piece_text(doc.pieces[field.first_piece]));
  for (std::uint32_t i = 1; i < field.piece_count; ++i) {
    std::string_view line = trim_right(doc.piece_text(doc.pieces[field.first_piece + i]));
    line.remove_prefix(1);  // a continuation line starts with one blank
    // dpkg: a payload made only of dots loses one (` .` is an empty line).
    if (!line.empty() && line.find_first_not_of('.') == std::string_view::npos)
      line.remove_prefix(1);
    out.emplace_back(line);
  }
  return out;
}

std::uint32_t value_offset_to_text(const Deb822Document& doc, const Deb822Field& field,
                                   std::size_t offset) {
  for (std::uint32_t i = 0; i < field.piece_count; ++i) {
    const ValuePiece& p = doc.pieces[field.first_piece + i];
    const std::size_t len = p.end - p.begin;
    if (offset <= len) return p.begin + static_cast<std::uint32_t>(offset);
    offset -= len + 1;  // the "\n" joining two pieces
  }
  const ValuePiece& last = doc.pieces[field.first_piece + field.piece_count - 1];
  return last.end;
}

}  // namespace katalint::frontend::debian
