# Embeds data/profiles/*.macros into the binary, so katalint gives the same answer on any host
# and needs no data files at run time. Literals are split below 64 KiB (-Woverlength-strings).
function(katalint_embed_profiles out_file)
  file(GLOB profiles CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/data/profiles/*.macros)
  list(SORT profiles)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${profiles})
  set(body "")
  set(chunk_size 30000)
  foreach(profile ${profiles})
    get_filename_component(name ${profile} NAME_WE)
    file(READ ${profile} content)
    string(LENGTH "${content}" length)
    set(offset 0)
    set(chunks "")
    while(offset LESS length)
      string(SUBSTRING "${content}" ${offset} ${chunk_size} piece)
      string(APPEND chunks "R\"katalint_profile(${piece})katalint_profile\",\n")
      math(EXPR offset "${offset} + ${chunk_size}")
    endwhile()
    string(APPEND body "{\"${name}\", {\n${chunks}}},\n")
  endforeach()
  file(WRITE ${out_file}.tmp
"// Generated from data/profiles/*.macros by cmake/EmbedProfiles.cmake. Do not edit.
#include \"frontend/rpmspec/profile.hpp\"

namespace katalint::rpmspec {

const std::vector<EmbeddedProfile>& embedded_profiles() {
  static const std::vector<EmbeddedProfile> profiles = {
${body}  };
  return profiles;
}

}  // namespace katalint::rpmspec
")
  file(COPY_FILE ${out_file}.tmp ${out_file} ONLY_IF_DIFFERENT)
endfunction()
