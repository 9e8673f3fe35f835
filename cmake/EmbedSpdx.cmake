# Embeds data/spdx/licenses.txt and exceptions.txt (the SPDX License List) into the binary, so
# the licence checks need no data files at run time.
function(katalint_embed_spdx out_file)
  set(body "")
  foreach(list licenses exceptions)
    set(path ${PROJECT_SOURCE_DIR}/data/spdx/${list}.txt)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${path})
    file(READ ${path} content)
    string(LENGTH "${content}" length)
    # One literal each; C++ compilers accept 64 KiB (-Woverlength-strings).
    if(length GREATER 60000)
      message(FATAL_ERROR "${path} is too long to embed as one string literal")
    endif()
    string(APPEND body "std::string_view embedded_${list}() {\n  return R\"katalint_spdx(${content})katalint_spdx\";\n}\n\n")
  endforeach()
  file(WRITE ${out_file}.tmp
"// Generated from data/spdx/*.txt by cmake/EmbedSpdx.cmake. Do not edit.
#include \"rules/readiness/spdx.hpp\"

namespace katalint::rules::spdx {

${body}}  // namespace katalint::rules::spdx
")
  file(COPY_FILE ${out_file}.tmp ${out_file} ONLY_IF_DIFFERENT)
endfunction()
