#include "frontend/obs/service.hpp"

#include <fmt/core.h>

#include "frontend/debian/text.hpp"

namespace katalint::frontend::obs {
namespace {

using debian::RangeMap;

constexpr std::size_t kMaxDepth = 256;  // _service files are three levels deep

bool xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool name_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || u >= 0x80;
}
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

struct Attr {
  std::string name, value;
  std::uint32_t name_begin, value_begin, value_end;  // value_* exclude the quotes
};

struct Element {
  std::string name;
  std::vector<Attr> attrs;
  int parent = -1;
  std::uint32_t begin = 0, end = 0;                 // whole element
  std::uint32_t content_begin = 0, content_end = 0;  // between the tags
  std::string text;                                  // direct text and CDATA, decoded
  std::vector<int> children;
  bool closed = false;

  [[nodiscard]] const Attr* attr(std::string_view n) const {
    for (const auto& a : attrs) {
      if (a.name == n) return &a;
    }
    return nullptr;
  }
};

class XmlReader {
 public:
  XmlReader(ObsServiceFile& out, const RangeMap& map, ir::DiagnosticSink& sink)
      : out_(out), s_(out.text), map_(map), sink_(sink) {}

  void run() {
    const bool ok = document();
    if (!ok) {
      push(XmlTokenKind::Invalid, tok_begin_, static_cast<std::uint32_t>(s_.size()));
    }
    out_.well_formed = ok;
    build_services();
  }

 private:
  void push(XmlTokenKind k, std::uint32_t b, std::uint32_t e) {
    if (e > b) out_.tokens.push_back({k, b, e});
    tok_begin_ = e;
  }

  bool fail(std::size_t at, std::string message) {
    const auto a = static_cast<std::uint32_t>(std::min(at, s_.size()));
    sink_.report("obs-service-invalid-xml", ir::Severity::Error,
                 map_.range(a, std::min<std::uint32_t>(a + 1, static_cast<std::uint32_t>(s_.size()))),
                 std::move(message));
    return false;
  }

  [[nodiscard]] bool at(std::string_view lit) const { return s_.substr(i_, lit.size()) == lit; }
  [[nodiscard]] auto pos() const { return static_cast<std::uint32_t>(i_); }

  bool document() {
    while (i_ < s_.size()) {
      if (s_[i_] != '<') {
        if (!text()) return false;
        continue;
      }
      if (at("<!--")) {
        if (!comment()) return false;
      } else if (at("<![CDATA[")) {
        if (!cdata()) return false;
      } else if (at("<?")) {
        if (!declaration("?>")) return false;
      } else if (at("<!DOCTYPE")) {
        if (!declaration(">")) return false;
      } else if (at("</")) {
        if (!end_tag()) return false;
      } else {
        if (!start_tag()) return false;
      }
    }
    if (!stack_.empty()) {
      return fail(s_.size(), fmt::format("element <{}> is not closed", elems_[static_cast<std::size_t>(stack_.back())].name));
    }
    if (!seen_root_) return fail(s_.size(), "no root element");
    return true;
  }

  bool text() {
    const std::size_t b = i_;
    std::string decoded;
    while (i_ < s_.size() && s_[i_] != '<') {
      if (s_[i_] == '&') {
        if (!entity(decoded)) return false;
        continue;
      }
      if (stack_.empty() && !xml_space(s_[i_])) {
        return fail(i_, seen_root_ ? "text after the root element" : "text before the root element");
      }
      decoded.push_back(s_[i_++]);
    }
    if (!stack_.empty()) elems_[static_cast<std::size_t>(stack_.back())].text += decoded;
    push(XmlTokenKind::Text, static_cast<std::uint32_t>(b), pos());
    return true;
  }

  bool entity(std::string& out) {
    const std::size_t b = i_;
    const std::size_t semi = s_.find(';', i_);
    if (semi == std::string_view::npos || semi - i_ > 12) return fail(b, "'&' does not start an entity (write &amp;)");
    const std::string_view name = s_.substr(i_ + 1, semi - i_ - 1);
    i_ = semi + 1;
    if (name == "amp") { out.push_back('&'); return true; }
    if (name == "lt") { out.push_back('<'); return true; }
    if (name == "gt") { out.push_back('>'); return true; }
    if (name == "quot") { out.push_back('"'); return true; }
    if (name == "apos") { out.push_back('\''); return true; }
    if (name.size() >= 2 && name[0] == '#') {
      std::uint32_t cp = 0;
      const bool hex = name[1] == 'x';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      bool ok = !digits.empty();
      for (char c : digits) {
        int v = -1;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
        if (v < 0 || cp > 0x10ffff) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(v);
      }
      if (!ok || cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return fail(b, fmt::format("invalid character reference '&{};'", name));
      append_utf8(out, cp);
      return true;
    }
    return fail(b, fmt::format("undefined entity '&{};'", name));
  }

  bool comment() {
    const std::size_t b = i_;
    const std::size_t close = s_.find("--", i_ + 4);
    if (close == std::string_view::npos) return fail(b, "comment is not closed");
    if (s_.substr(close, 3) != "-->") return fail(close, "'--' is not allowed inside a comment");
    i_ = close + 3;
    push(XmlTokenKind::Comment, static_cast<std::uint32_t>(b), pos());
    return true;
  }

  bool cdata() {
    const std::size_t b = i_;
    const std::size_t close = s_.find("]]>", i_ + 9);
    if (close == std::string_view::npos) return fail(b, "CDATA section is not closed");
    if (stack_.empty()) return fail(b, "CDATA section outside of an element");
    elems_[static_cast<std::size_t>(stack_.back())].text.append(s_.substr(b + 9, close - b - 9));
    i_ = close + 3;
    push(XmlTokenKind::CData, static_cast<std::uint32_t>(b), pos());
    return true;
  }

  bool declaration(std::string_view close_with) {
    const std::size_t b = i_;
    const std::size_t close = s_.find(close_with, i_ + 2);
    if (close == std::string_view::npos) return fail(b, "declaration is not closed");
    i_ = close + close_with.size();
    push(XmlTokenKind::Declaration, static_cast<std::uint32_t>(b), pos());
    return true;
  }

  std::string_view name() {
    const std::size_t b = i_;
    if (i_ >= s_.size() || !name_start(s_[i_])) return {};
    while (i_ < s_.size() && name_char(s_[i_])) ++i_;
    return s_.substr(b, i_ - b);
  }

  void skip_space() {
    while (i_ < s_.size() && xml_space(s_[i_])) ++i_;
  }

  bool start_tag() {
    const std::size_t b = i_;
    ++i_;
    const std::string_view n = name();
    if (n.empty()) return fail(i_, "expected an element name after '<'");
    if (stack_.empty() && seen_root_) return fail(b, "more than one root element");
    if (stack_.size() >= kMaxDepth) return fail(b, "elements are nested too deeply");
    Element e;
    e.name.assign(n);
    e.begin = static_cast<std::uint32_t>(b);
    e.parent = stack_.empty() ? -1 : stack_.back();
    while (true) {
      const std::size_t before = i_;
      skip_space();
      if (at("/>") || at(">")) break;
      if (i_ == before) return fail(i_, "expected whitespace, '>' or '/>' in the tag");
      Attr a;
      a.name_begin = pos();
      const std::string_view an = name();
      if (an.empty()) return fail(i_, "expected an attribute name");
      a.name.assign(an);
      skip_space();
      if (i_ >= s_.size() || s_[i_] != '=') return fail(i_, fmt::format("expected '=' after attribute '{}'", an));
      ++i_;
      skip_space();
      if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) return fail(i_, "attribute value must be quoted");
      const char q = s_[i_++];
      a.value_begin = pos();
      while (i_ < s_.size() && s_[i_] != q) {
        if (s_[i_] == '<') return fail(i_, "'<' is not allowed in an attribute value");
        if (s_[i_] == '&') {
          if (!entity(a.value)) return false;
          continue;
        }
        a.value.push_back(s_[i_++]);
      }
      if (i_ >= s_.size()) return fail(a.value_begin - 1, "attribute value is not closed");
      a.value_end = pos();
      ++i_;
      if (e.attr(a.name) != nullptr) return fail(a.name_begin, fmt::format("duplicate attribute '{}'", a.name));
      e.attrs.push_back(std::move(a));
    }
    const bool empty = at("/>");
    i_ += empty ? 2 : 1;
    const int idx = static_cast<int>(elems_.size());
    if (e.parent >= 0) elems_[static_cast<std::size_t>(e.parent)].children.push_back(idx);
    e.content_begin = e.content_end = pos();
    if (empty) {
      e.end = pos();
      e.closed = true;
    }
    if (e.parent < 0) seen_root_ = true;
    elems_.push_back(std::move(e));
    if (!empty) stack_.push_back(idx);
    push(empty ? XmlTokenKind::EmptyTag : XmlTokenKind::StartTag, static_cast<std::uint32_t>(b), pos());
    return true;
  }

  bool end_tag() {
    const std::size_t b = i_;
    i_ += 2;
    const std::string_view n = name();
    if (n.empty()) return fail(i_, "expected an element name after '</'");
    skip_space();
    if (i_ >= s_.size() || s_[i_] != '>') return fail(i_, "expected '>' to end the tag");
    ++i_;
    if (stack_.empty()) return fail(b, fmt::format("closing tag </{}> without an open element", n));
    Element& e = elems_[static_cast<std::size_t>(stack_.back())];
    if (e.name != n) return fail(b, fmt::format("closing tag </{}> does not match <{}>", n, e.name));
    e.content_end = static_cast<std::uint32_t>(b);
    e.end = pos();
    e.closed = true;
    stack_.pop_back();
    push(XmlTokenKind::EndTag, static_cast<std::uint32_t>(b), pos());
    return true;
  }

  void unexpected(const Element& e, std::string message) {
    sink_.report("obs-service-unexpected-element", ir::Severity::Warning,
                 map_.range(e.begin, e.begin + 1 + static_cast<std::uint32_t>(e.name.size())),
                 std::move(message));
  }

  ir::Range attr_range(const Attr& a) const { return map_.range(a.value_begin, a.value_end); }

  void build_services() {
    if (elems_.empty()) return;
    const Element& root = elems_.front();
    if (root.name != "services") {
      unexpected(root, fmt::format("root element is <{}>, expected <services>", root.name));
      return;
    }
    for (int ci : root.children) {
      const Element& se = elems_[static_cast<std::size_t>(ci)];
      if (se.name != "service") {
        unexpected(se, fmt::format("unexpected <{}> in <services>, expected <service>", se.name));
        continue;
      }
      ObsService svc;
      svc.range = map_.range(se.begin, se.closed ? se.end : se.content_end);
      if (const Attr* a = se.attr("name")) {
        svc.name = a->value;
        svc.name_range = attr_range(*a);
      } else {
        unexpected(se, "<service> without a name attribute");
      }
      if (const Attr* a = se.attr("mode")) {
        svc.mode = a->value;
        svc.mode_range = attr_range(*a);
      }
      for (int pi : se.children) {
        const Element& pe = elems_[static_cast<std::size_t>(pi)];
        if (pe.name != "param") {
          unexpected(pe, fmt::format("unexpected <{}> in <service>, expected <param>", pe.name));
          continue;
        }
        ObsServiceParam p;
        p.range = map_.range(pe.begin, pe.closed ? pe.end : pe.content_end);
        if (const Attr* a = pe.attr("name")) {
          p.name = a->value;
          p.name_range = attr_range(*a);
        } else {
          unexpected(pe, "<param> without a name attribute");
        }
        p.value = pe.text;
        p.value_range = map_.range(pe.content_begin, pe.content_end);
        for (int gi : pe.children)
          unexpected(elems_[static_cast<std::size_t>(gi)], "<param> holds text, not elements");
        svc.params.push_back(std::move(p));
      }
      out_.services.push_back(std::move(svc));
    }
  }

  ObsServiceFile& out_;
  std::string_view s_;
  const RangeMap& map_;
  ir::DiagnosticSink& sink_;
  std::size_t i_ = 0;
  std::uint32_t tok_begin_ = 0;
  std::vector<Element> elems_;
  std::vector<int> stack_;
  bool seen_root_ = false;
};

}  // namespace

ObsServiceFile parse_obs_service(const ir::SourceFile& file, std::string_view text,
                                 const FilledTemplate* map, ir::DiagnosticSink& sink) {
  ObsServiceFile out;
  out.file = file.id();
  const RangeMap ranges(file.id(), map);
  if (debian::reject_oversized(text, ranges, sink)) return out;
  out.text.assign(text);
  debian::check_text_bytes(out.text, ranges, sink);
  XmlReader(out, ranges, sink).run();
  return out;
}

ObsServiceFile parse_obs_service(const ir::SourceFile& file, ir::DiagnosticSink& sink) {
  return parse_obs_service(file, file.text(), nullptr, sink);
}

std::string reprint(const ObsServiceFile& service) {
  std::string out;
  out.reserve(service.text.size());
  for (const auto& t : service.tokens) out.append(service.text, t.begin, t.end - t.begin);
  return out;
}

}  // namespace katalint::frontend::obs
