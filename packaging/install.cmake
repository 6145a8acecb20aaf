# Installation and the Debian package.
#
#   cmake --install build --prefix /usr/local      # or DESTDIR=… for staging
#   cpack --config build/CPackConfig.cmake -B out   # out/fragebogen_<v>-1_<arch>.deb
#
# The layout (under the prefix):
#   bin/fragebogen
#   share/fragebogen/forms/              the bundled questionnaires
#   share/man/man1/fragebogen.1.gz, share/man/man5/fragebogen-form.5.gz
#   share/bash-completion/completions/fragebogen
#   share/doc/fragebogen/                README, file formats, copyright
#
# The binary finds its forms relative to its own folder (src/cli/paths.c),
# so the prefix given at install time need not be the one of configure time.

include(GNUInstallDirs)

set(FB_PKG_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(FB_FORMS_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/fragebogen/forms)

# The way from the binary folder to the forms, as the binary sees it at run
# time. Both folders are normally relative to the prefix, so the way holds
# for every prefix; an absolute data folder is used as it is.
if(IS_ABSOLUTE "${FB_FORMS_INSTALL_DIR}")
  set(FB_FORMS_REL "${FB_FORMS_INSTALL_DIR}")
elseif(IS_ABSOLUTE "${CMAKE_INSTALL_BINDIR}")
  set(FB_FORMS_REL "${CMAKE_INSTALL_PREFIX}/${FB_FORMS_INSTALL_DIR}")
else()
  file(RELATIVE_PATH FB_FORMS_REL "/prefix/${CMAKE_INSTALL_BINDIR}"
    "/prefix/${FB_FORMS_INSTALL_DIR}")
endif()
target_compile_definitions(fragebogen PRIVATE FRAGEBOGEN_FORMS_REL="${FB_FORMS_REL}")

# Man pages and the Debian changelog are installed compressed, as Debian
# wants them; -n keeps names and times out, so the files are reproducible.
find_program(FB_GZIP gzip)
set(FB_MAN_PAGES man1/fragebogen.1 man5/fragebogen-form.5)
set(FB_GZ_OUTPUTS)
function(fb_gzip src dst)
  add_custom_command(OUTPUT ${dst}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/packaging
    COMMAND sh -c "'${FB_GZIP}' -9n -c '${src}' > '${dst}'"
    DEPENDS ${src} VERBATIM)
  set(FB_GZ_OUTPUTS ${FB_GZ_OUTPUTS} ${dst} PARENT_SCOPE)
endfunction()

foreach(page ${FB_MAN_PAGES})
  get_filename_component(name ${page} NAME)
  get_filename_component(section ${page} DIRECTORY)
  if(FB_GZIP)
    fb_gzip(${FB_PKG_DIR}/man/${name} ${CMAKE_CURRENT_BINARY_DIR}/packaging/${name}.gz)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/${name}.gz
      DESTINATION ${CMAKE_INSTALL_MANDIR}/${section})
  else()
    install(FILES ${FB_PKG_DIR}/man/${name} DESTINATION ${CMAKE_INSTALL_MANDIR}/${section})
  endif()
endforeach()
if(FB_GZIP)
  fb_gzip(${FB_PKG_DIR}/debian/changelog
    ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.Debian.gz)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.Debian.gz
    DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()
add_custom_target(fragebogen_gz ALL DEPENDS ${FB_GZ_OUTPUTS})

install(TARGETS fragebogen RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The bundled forms, with the JSON Schema for editors and the format
# reference that belongs to them.
file(GLOB FB_FORM_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/forms/*.json)
install(FILES ${FB_FORM_FILES} DESTINATION ${FB_FORMS_INSTALL_DIR})
install(FILES ${PROJECT_SOURCE_DIR}/forms/README.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME forms.md)

install(FILES ${FB_PKG_DIR}/bash-completion/fragebogen
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

file(GLOB FB_DOC_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${FB_DOC_FILES}
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${FB_PKG_DIR}/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

# --- Translations -----------------------------------------------------------
# Place for the message catalogues once the program uses gettext:
# i18n/<lang>.po compiled with msgfmt to
# ${CMAKE_INSTALL_LOCALEDIR}/<lang>/LC_MESSAGES/fragebogen.mo.
# Nothing is installed here yet.
# -----------------------------------------------------------------------------

# The Debian package (cpack -G DEB).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fragebogen)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "fragebogen <dev@fragebogen.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Fragebögen im Terminal ausfüllen und verschlüsselt speichern")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The long description; CPack puts the summary in front, indents the lines
# and turns the empty line into the paragraph mark " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"fragebogen ist ein Programm für das Terminal, mit dem Kommunen ohne
Internetverbindung einen Fragebogen ausfüllen. Der Fragebogen ist eine
JSON-Datei mit Fragen, Filtern, Plausibilitätsprüfungen und Fehlwerten;
mitgeliefert wird die DESI-Befragung von Kommunen zur Aufnahme und
Integration von Geflüchteten.

Jede Antwort wird sofort verschlüsselt gespeichert. Die Ergebnisse gehen
verschlüsselt (age) und signiert (minisign) an das Studienteam, das sie zu
SPSS-, Stata-, CSV- oder JSON-Dateien zusammenführt.")
include(CPack)
