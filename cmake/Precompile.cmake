# Precompiled headers: the Qt and standard headers nearly every file of a
# target includes, parsed once per target instead of once per file. Without
# them, parsing those headers was about half of a file's compile time (7-11
# of 11-33 s, g++ -fsyntax-only, engine/api/queryops.cpp and
# ui/browser/tablebrowser.cpp), in a clean build of about 280 library files
# and 90 test files. Only system headers go in, so that editing a project
# header rebuilds no more than it did. DD_PCH=OFF turns them off.
#
#   dd_precompile(target engine|ui|engine-test|ui-test [group])
# Tests share one precompiled header per kind and group (REUSE_FROM the
# first test of the pair): the group names what they link, since a library
# brings its macros (QT_NETWORK_LIB, ...), and g++ does not use a
# precompiled header made without a macro that a file is compiled with.

set(DD_PCH_engine
  <QByteArray> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QString> <QStringList>
  <algorithm> <atomic> <functional> <map> <memory> <mutex> <optional> <vector>)
set(DD_PCH_ui ${DD_PCH_engine}
  <QComboBox> <QCoreApplication> <QDialog> <QDialogButtonBox> <QFutureWatcher> <QHBoxLayout> <QHeaderView>
  <QLabel> <QLineEdit> <QLocale> <QPushButton> <QTimer> <QVBoxLayout> <QWidget> <QtConcurrent>)
set(DD_PCH_engine-test ${DD_PCH_engine} <QTemporaryDir> <QTest>)
set(DD_PCH_ui-test ${DD_PCH_ui} <QSignalSpy> <QTest>)

function(dd_precompile target kind)
  if(NOT DD_PCH)
    return()
  endif()
  if(NOT DEFINED DD_PCH_${kind})
    message(FATAL_ERROR "dd_precompile: unknown kind ${kind}")
  endif()
  if(kind MATCHES "-test$")
    set(key DD_PCH_FIRST_${kind}_${ARGN})
    get_property(first GLOBAL PROPERTY ${key})
    if(first)
      target_precompile_headers(${target} REUSE_FROM ${first})
      return()
    endif()
    set_property(GLOBAL PROPERTY ${key} ${target})
  endif()
  target_precompile_headers(${target} PRIVATE ${DD_PCH_${kind}})
endfunction()
