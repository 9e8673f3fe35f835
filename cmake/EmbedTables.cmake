# Embeds data/backends/*.tsv (the backends' mapping tables) into the binary, like the profiles.
function(katalint_embed_tables out_file)
  file(GLOB tables CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/data/backends/*.tsv)
  list(SORT tables)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${tables})
  set(body "")
  foreach(table ${tables})
    get_filename_component(name ${table} NAME)
    file(READ ${table} content)
    string(APPEND body "{\"${name}\", R\"katalint_table(${content})katalint_table\"},\n")
  endforeach()
  file(WRITE ${out_file}.tmp
"// Generated from data/backends/*.tsv by cmake/EmbedTables.cmake. Do not edit.
#include \"backends/common/tables.hpp\"

namespace katalint::backends {

const std::vector<EmbeddedTable>& embedded_tables() {
  static const std::vector<EmbeddedTable> tables = {
${body}  };
  return tables;
}

}  // namespace katalint::backends
")
  file(COPY_FILE ${out_file}.tmp ${out_file} ONLY_IF_DIFFERENT)
endfunction()
