# Embeds data/suse-style/* into the binary (the tables of backends/suse/style), so the
# formatter needs no data files at run time. Literals are split below 64 KiB.
function(katalint_embed_style_data out_file)
  file(GLOB tables CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/data/suse-style/*.tsv
       ${PROJECT_SOURCE_DIR}/data/suse-style/*.txt)
  list(SORT tables)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${tables})
  set(body "")
  set(chunk_size 30000)
  foreach(table ${tables})
    get_filename_component(name ${table} NAME)
    file(READ ${table} content)
    string(LENGTH "${content}" length)
    set(offset 0)
    set(chunks "")
    while(offset LESS length)
      string(SUBSTRING "${content}" ${offset} ${chunk_size} piece)
      string(APPEND chunks "R\"katalint_table(${piece})katalint_table\",\n")
      math(EXPR offset "${offset} + ${chunk_size}")
    endwhile()
    string(APPEND body "{\"${name}\", {\n${chunks}}},\n")
  endforeach()
  file(WRITE ${out_file}.tmp
"// Generated from data/suse-style/* by cmake/EmbedStyleData.cmake. Do not edit.
#include \"backends/suse/style/tables.hpp\"

namespace katalint::suse_style {

const std::vector<EmbeddedTable>& embedded_tables() {
  static const std::vector<EmbeddedTable> tables = {
${body}  };
  return tables;
}

}  // namespace katalint::suse_style
")
  file(COPY_FILE ${out_file}.tmp ${out_file} ONLY_IF_DIFFERENT)
endfunction()
