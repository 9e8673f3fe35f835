// PEGTL rules for the pieces of RPM spec lines. The line structure itself (logical lines,
// sections, conditionals) and inline macros are handled by the driver in syntax.cpp, which
// runs these rules on one line region at a time. Include only from syntax.cpp.
#pragma once

#include <cstddef>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace katalint::rpmspec::grammar {

using namespace tao::pegtl;  // NOLINT(google-build-using-namespace): grammar DSL

// Atomic tokens whose extent needs more than a PEG: the parse state supplies them.
//   st.macro_token_length(p, end): the macro token at p (%%, %name, %{..}, %(..), %[..]) with
//     rpm's bracket matching, or 0 if there is none or it is unterminated before `end`;
//   st.dependency_word_length(p, end): rpm's SKIPNONWHITEX: a word ends at whitespace, ',' or
//     an unbalanced ')', '(' nests, macro tokens are atomic.
template <bool Dependency>
struct state_token {
  using rule_t = state_token;
  using subs_t = empty_list;
  template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class,
            typename ParseInput, typename State>
  static bool match(ParseInput& in, State& st) {
    const std::size_t n = Dependency ? st.dependency_word_length(in.current(), in.end())
                                     : st.macro_token_length(in.current(), in.end());
    if (n == 0) return false;
    in.bump(n);
    return true;
  }
};
struct macro_token : state_token<false> {};
struct dep_word : state_token<true> {};

// Fails instead of recursing deeper than Max (the state counts the depth), so nesting in
// the input cannot exhaust the stack.
template <std::size_t Max, typename... Rules>
struct depth_limited {
  using rule_t = depth_limited;
  using subs_t = type_list<Rules...>;
  template <apply_mode A, rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename State>
  static bool match(ParseInput& in, State& st) {
    if (st.depth >= Max) return false;
    ++st.depth;
    const bool ok = Control<seq<Rules...>>::template match<A, M, Action, Control>(in, st);
    --st.depth;
    return ok;
  }
};

// clang-format off

// Character classes, after rpm's risblank / risspace.
struct blank_ch : one<' ', '\t'> {};
struct space_ch : one<' ', '\t', '\n', '\r', '\v', '\f'> {};
struct lead_ch : one<' ', '\t', '\r', '\v', '\f'> {};  // what rpm skips before a directive
struct name_ch : ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};
struct blanks : plus<blank_ch> {};
struct opt_blanks : star<blank_ch> {};
struct opt_lead : star<lead_ch> {};
struct end_of_word : at<sor<space_ch, eof>> {};

// ---- Conditionals: rpm's ISMACROWITHARG (blank or end after) and ISMACRO (no letter after).
template <char... Cs> struct with_arg : seq<string<'%', Cs...>, at<sor<blank_ch, eof>>> {};
template <char... Cs> struct no_arg : seq<string<'%', Cs...>, not_at<alpha>> {};
struct kw_endif : no_arg<'e', 'n', 'd', 'i', 'f'> {};
struct kw_else : no_arg<'e', 'l', 's', 'e'> {};
struct kw_if : with_arg<'i', 'f'> {};
struct kw_ifarch : with_arg<'i', 'f', 'a', 'r', 'c', 'h'> {};
struct kw_ifnarch : with_arg<'i', 'f', 'n', 'a', 'r', 'c', 'h'> {};
struct kw_ifos : with_arg<'i', 'f', 'o', 's'> {};
struct kw_ifnos : with_arg<'i', 'f', 'n', 'o', 's'> {};
struct kw_elif : with_arg<'e', 'l', 'i', 'f'> {};
struct kw_elifarch : with_arg<'e', 'l', 'i', 'f', 'a', 'r', 'c', 'h'> {};
struct kw_elifos : with_arg<'e', 'l', 'i', 'f', 'o', 's'> {};
struct kw_include : with_arg<'i', 'n', 'c', 'l', 'u', 'd', 'e'> {};
struct directive_keyword : sor<kw_endif, kw_else, kw_if, kw_ifarch, kw_ifnarch, kw_ifos, kw_ifnos,
                               kw_elifarch, kw_elifos, kw_elif, kw_include> {};
struct directive_head : seq<opt_lead, directive_keyword> {};

// ---- Section headers: rpm's isPart, case-insensitive, in column 1, whitespace or end after.
template <char... Cs> struct part : seq<istring<'%', Cs...>, at<sor<space_ch, eof>>> {};
struct section_keyword : sor<
    part<'p', 'a', 'c', 'k', 'a', 'g', 'e'>, part<'d', 'e', 's', 'c', 'r', 'i', 'p', 't', 'i', 'o', 'n'>,
    part<'p', 'r', 'e', 'p'>, part<'c', 'o', 'n', 'f'>, part<'b', 'u', 'i', 'l', 'd'>,
    part<'i', 'n', 's', 't', 'a', 'l', 'l'>, part<'c', 'h', 'e', 'c', 'k'>, part<'c', 'l', 'e', 'a', 'n'>,
    part<'g', 'e', 'n', 'e', 'r', 'a', 't', 'e', '_', 'b', 'u', 'i', 'l', 'd', 'r', 'e', 'q', 'u', 'i', 'r', 'e', 's'>,
    part<'p', 'r', 'e'>, part<'p', 'o', 's', 't'>, part<'p', 'r', 'e', 'u', 'n'>, part<'p', 'o', 's', 't', 'u', 'n'>,
    part<'p', 'r', 'e', 't', 'r', 'a', 'n', 's'>, part<'p', 'o', 's', 't', 't', 'r', 'a', 'n', 's'>,
    part<'p', 'r', 'e', 'u', 'n', 't', 'r', 'a', 'n', 's'>, part<'p', 'o', 's', 't', 'u', 'n', 't', 'r', 'a', 'n', 's'>,
    part<'v', 'e', 'r', 'i', 'f', 'y', 's', 'c', 'r', 'i', 'p', 't'>,
    part<'t', 'r', 'i', 'g', 'g', 'e', 'r'>, part<'t', 'r', 'i', 'g', 'g', 'e', 'r', 'i', 'n'>,
    part<'t', 'r', 'i', 'g', 'g', 'e', 'r', 'u', 'n'>, part<'t', 'r', 'i', 'g', 'g', 'e', 'r', 'p', 'r', 'e', 'i', 'n'>,
    part<'t', 'r', 'i', 'g', 'g', 'e', 'r', 'p', 'o', 's', 't', 'u', 'n'>,
    part<'f', 'i', 'l', 'e', 't', 'r', 'i', 'g', 'g', 'e', 'r'>, part<'f', 'i', 'l', 'e', 't', 'r', 'i', 'g', 'g', 'e', 'r', 'i', 'n'>,
    part<'f', 'i', 'l', 'e', 't', 'r', 'i', 'g', 'g', 'e', 'r', 'u', 'n'>,
    part<'f', 'i', 'l', 'e', 't', 'r', 'i', 'g', 'g', 'e', 'r', 'p', 'o', 's', 't', 'u', 'n'>,
    part<'t', 'r', 'a', 'n', 's', 'f', 'i', 'l', 'e', 't', 'r', 'i', 'g', 'g', 'e', 'r'>,
    part<'t', 'r', 'a', 'n', 's', 'f', 'i', 'l', 'e', 't', 'r', 'i', 'g', 'g', 'e', 'r', 'i', 'n'>,
    part<'t', 'r', 'a', 'n', 's', 'f', 'i', 'l', 'e', 't', 'r', 'i', 'g', 'g', 'e', 'r', 'u', 'n'>,
    part<'t', 'r', 'a', 'n', 's', 'f', 'i', 'l', 'e', 't', 'r', 'i', 'g', 'g', 'e', 'r', 'p', 'o', 's', 't', 'u', 'n'>,
    part<'f', 'i', 'l', 'e', 's'>, part<'c', 'h', 'a', 'n', 'g', 'e', 'l', 'o', 'g'>,
    part<'s', 'e', 'p', 'o', 'l', 'i', 'c', 'y'>, part<'s', 'o', 'u', 'r', 'c', 'e', 'l', 'i', 's', 't'>,
    part<'p', 'a', 't', 'c', 'h', 'l', 'i', 's', 't'>, part<'e', 'n', 'd'>> {};
struct section_head : seq<section_keyword> {};

// Section header arguments: options, subpackage names and a trigger's "-- condition".
struct word : plus<sor<macro_token, not_one<' ', '\t', '\n', '\r', '\v', '\f'>>> {};
struct option_name : seq<one<'-'>, one<'n', 'f', 'p', 'l', 'P'>, end_of_word> {};
struct option_value : word {};
struct option_flag : seq<one<'-'>, word> {};
struct option_with_value : seq<option_name, plus<blank_ch>, option_value> {};
struct section_option : sor<option_with_value, option_flag> {};
struct trigger_condition : seq<two<'-'>, end_of_word, star<any>> {};
struct section_name : word {};
struct section_args : seq<star<sor<plus<space_ch>, trigger_condition, section_option, section_name>>, eof> {};

// ---- Macro definitions: %define/%global name[(opts)] body, %undefine name.
struct kw_define : seq<string<'%', 'd', 'e', 'f', 'i', 'n', 'e'>, at<blank_ch>> {};
struct kw_global : seq<string<'%', 'g', 'l', 'o', 'b', 'a', 'l'>, at<blank_ch>> {};
struct kw_undefine : seq<string<'%', 'u', 'n', 'd', 'e', 'f', 'i', 'n', 'e'>, at<blank_ch>> {};
struct define_keyword : sor<kw_define, kw_global, kw_undefine> {};
struct macro_name : seq<sor<alpha, one<'_'>>, star<name_ch>> {};
struct macro_options : seq<one<'('>, star<not_one<')', '\n'>>, one<')'>> {};
struct define_head : seq<opt_blanks, define_keyword, blanks, opt<macro_name, opt<macro_options>>> {};

// ---- %dnl, comments, blank lines.
struct kw_dnl : seq<string<'%', 'd', 'n', 'l'>, not_at<name_ch>> {};
struct dnl_head : seq<opt_blanks, kw_dnl> {};
struct comment_head : seq<opt_lead, one<'#'>> {};
struct blank_line : seq<opt_lead, sor<one<'\n'>, eof>> {};

// ---- Preamble tags: Name[(qualifier)]: value (rpm's findPreambleTag).
struct tag_name : seq<alpha, star<alnum>> {};
struct tag_qualifier : seq<one<'('>, star<lead_ch>, star<not_one<' ', '\t', '\n', '\r', '\v', '\f', ')'>>,
                           star<lead_ch>, one<')'>> {};
struct tag_colon : one<':'> {};
struct tag_head : seq<tag_name, opt_lead, opt<tag_qualifier>, opt_lead, tag_colon> {};

// ---- Dependencies: "a >= 1, b" and rich "(a with b)" (rpm's parseRCPOT / rpmrichParse).
struct dep_sep : plus<sor<space_ch, one<','>>> {};
struct dep_op : seq<sor<string<'<', '='>, string<'=', '<'>, string<'=', '='>, string<'=', '>'>,
                        string<'>', '='>, one<'<'>, one<'='>, one<'>'>>,
                    at<sor<space_ch, one<','>, eof>>> {};
struct dep_name : seq<not_at<one<'('>>, dep_word> {};
struct dep_version : dep_word {};
struct dep_simple : seq<dep_name, opt<plus<space_ch>, dep_op, opt<plus<space_ch>, dep_version>>> {};
struct rich_op : seq<sor<string<'u', 'n', 'l', 'e', 's', 's'>, string<'w', 'i', 't', 'h', 'o', 'u', 't'>,
                         string<'w', 'i', 't', 'h'>, string<'a', 'n', 'd'>, string<'e', 'l', 's', 'e'>,
                         string<'o', 'r'>, string<'i', 'f'>>,
                     at<sor<space_ch, one<'(', ')'>, eof>>> {};
struct rich_dep;
struct rich_simple : seq<not_at<rich_op>, dep_simple> {};
struct rich_operand : sor<rich_dep, rich_simple> {};
struct rich_continuation : seq<star<space_ch>, rich_op, star<space_ch>, rich_operand> {};
struct rich_body : seq<star<space_ch>, rich_operand, star<rich_continuation>, star<space_ch>> {};
struct rich_dep : depth_limited<64, one<'('>, rich_body, one<')'>> {};
struct dep_item : sor<rich_dep, dep_simple> {};
struct dependency_list : seq<opt<dep_sep>, opt<dep_item, star<dep_sep, dep_item>>, opt<dep_sep>, eof> {};

// ---- %files entries: directives and paths.
template <char... Cs> struct fkw : seq<string<Cs...>, not_at<name_ch>> {};
struct file_directive_keyword : seq<one<'%'>, sor<
    fkw<'a', 't', 't', 'r'>, fkw<'d', 'e', 'f', 'a', 't', 't', 'r'>, fkw<'v', 'e', 'r', 'i', 'f', 'y'>,
    fkw<'d', 'e', 'f', 'v', 'e', 'r', 'i', 'f', 'y'>, fkw<'l', 'a', 'n', 'g'>, fkw<'c', 'a', 'p', 's'>,
    fkw<'c', 'o', 'n', 'f', 'i', 'g'>, fkw<'d', 'e', 'v'>, fkw<'d', 'i', 'r'>, fkw<'d', 'o', 'c', 'd', 'i', 'r'>,
    fkw<'d', 'o', 'c'>, fkw<'g', 'h', 'o', 's', 't'>, fkw<'e', 'x', 'c', 'l', 'u', 'd', 'e'>,
    fkw<'r', 'e', 'a', 'd', 'm', 'e'>, fkw<'l', 'i', 'c', 'e', 'n', 's', 'e'>, fkw<'p', 'u', 'b', 'k', 'e', 'y'>,
    fkw<'m', 'i', 's', 's', 'i', 'n', 'g', 'o', 'k'>, fkw<'a', 'r', 't', 'i', 'f', 'a', 'c', 't'>>> {};
struct file_directive_args : seq<one<'('>, star<sor<macro_token, not_one<')', '\n'>>>, one<')'>> {};
struct file_directive : seq<file_directive_keyword, opt<file_directive_args>> {};
struct quoted : seq<one<'"'>, star<not_one<'"', '\n'>>, one<'"'>> {};
struct file_path : plus<sor<macro_token, quoted, not_one<' ', '\t', '\n', '\r', '\v', '\f'>>> {};
struct file_entry : seq<star<sor<plus<space_ch>, file_directive, file_path>>, eof> {};

// ---- %changelog entry header: "* Mon Jan 01 2024 Name <email> - 1.0-1".
struct cl_star : one<'*'> {};
struct cl_word : plus<not_one<' ', '\t', '\n', '\r', '\v', '\f'>> {};
struct cl_time : seq<digit, opt<digit>, one<':'>, digit, digit, opt<one<':'>, digit, digit>> {};
struct cl_date : seq<cl_word, blanks, cl_word, blanks, cl_word, blanks,
                     sor<seq<cl_time, blanks, cl_word, blanks, cl_word>, cl_word>> {};
struct cl_email : seq<one<'<'>, star<not_one<'>'>>, one<'>'>> {};
struct cl_dash_sep : seq<blanks, one<'-'>, sor<blanks, eof>> {};
struct cl_author : sor<seq<star<not_one<'<'>>, cl_email>, plus<not_at<cl_dash_sep>, any>> {};
struct cl_dash : one<'-'> {};
struct cl_version : plus<any> {};
struct cl_tail : seq<opt_blanks, opt<cl_dash, opt_blanks>, opt<cl_version>> {};
struct changelog_header : seq<cl_star, opt_blanks, opt<cl_date, opt_blanks>, opt<cl_author>, cl_tail, eof> {};

// clang-format on

}  // namespace katalint::rpmspec::grammar

namespace tao::pegtl {

template <typename Name, bool Dependency>
struct analyze_traits<Name, katalint::rpmspec::grammar::state_token<Dependency>>
    : analyze_any_traits<> {};
template <typename Name, std::size_t Max, typename... Rules>
struct analyze_traits<Name, katalint::rpmspec::grammar::depth_limited<Max, Rules...>>
    : analyze_traits<Name, typename seq<Rules...>::rule_t> {};

}  // namespace tao::pegtl
