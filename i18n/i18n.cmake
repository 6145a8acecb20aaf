# Message catalogues: i18n/<lang>.po compiled with msgfmt into
# <build>/locale/<lang>/LC_MESSAGES/fragebogen.mo, installed to the standard
# locale folder. `make pot` (top-level Makefile) refreshes the template and
# the catalogues from the sources.
include(GNUInstallDirs)
find_program(FB_MSGFMT msgfmt REQUIRED)

file(GLOB FB_PO_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/i18n/*.po)
set(FB_MO_FILES)
foreach(po ${FB_PO_FILES})
  get_filename_component(lang ${po} NAME_WE)
  set(dir ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES)
  add_custom_command(OUTPUT ${dir}/fragebogen.mo
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${FB_MSGFMT} --check -o ${dir}/fragebogen.mo ${po}
    DEPENDS ${po} VERBATIM)
  list(APPEND FB_MO_FILES ${dir}/fragebogen.mo)
  install(FILES ${dir}/fragebogen.mo
    DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(fragebogen_mo ALL DEPENDS ${FB_MO_FILES})
add_dependencies(fragebogen fragebogen_mo)

# Where the binary looks: beside itself when installed; in the build folder
# the catalogues are in locale/ beside the binary.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LOCALEDIR}")
  set(FB_LOCALE_REL "${CMAKE_INSTALL_LOCALEDIR}")
elseif(IS_ABSOLUTE "${CMAKE_INSTALL_BINDIR}")
  set(FB_LOCALE_REL "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LOCALEDIR}")
else()
  file(RELATIVE_PATH FB_LOCALE_REL "/prefix/${CMAKE_INSTALL_BINDIR}"
    "/prefix/${CMAKE_INSTALL_LOCALEDIR}")
endif()
target_compile_definitions(fragebogen PRIVATE FRAGEBOGEN_LOCALE_REL="${FB_LOCALE_REL}")
