# Embeds data/debian-maps/*.tsv (the Ubuntu backend's dependency-name tables) into the binary.
# They are parsed on first use only, so runs that convert nothing never read them. Literals are
# split below 64 KiB (-Woverlength-strings). The arrays are not constexpr: clang's constexpr
# step limit is below the length of these literals.
function(katalint_embed_debian_maps out_file)
  file(GLOB maps CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/data/debian-maps/*.tsv)
  list(SORT maps)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${maps})
  set(body "")
  set(chunk_size 30000)
  foreach(map ${maps})
    get_filename_component(name ${map} NAME_WE)
    file(READ ${map} content)
    string(LENGTH "${content}" length)
    set(offset 0)
    set(chunks "")
    while(offset LESS length)
      string(SUBSTRING "${content}" ${offset} ${chunk_size} piece)
      string(APPEND chunks "      R\"katalint_map(${piece})katalint_map\",\n")
      math(EXPR offset "${offset} + ${chunk_size}")
    endwhile()
    string(APPEND body "  if (name == \"${name}\") {\n    static const std::string_view chunks[] = {\n${chunks}    };\n    return chunks;\n  }\n")
  endforeach()
  file(WRITE ${out_file}.tmp
"// Generated from data/debian-maps/*.tsv by cmake/EmbedDebianMaps.cmake. Do not edit.
#include \"backends/ubuntu/depmap.hpp\"

namespace katalint::backends::ubuntu {

std::span<const std::string_view> embedded_debian_map(std::string_view name) {
${body}  return {};
}

}  // namespace katalint::backends::ubuntu
")
  file(COPY_FILE ${out_file}.tmp ${out_file} ONLY_IF_DIFFERENT)
endfunction()
