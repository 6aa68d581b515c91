// The desktop app's start: command line, translations (the system locale,
// or the language chosen in View > Language, or --lang), the main window on
// last time's connections or the default embedded database, and the
// screenshot tour (--screenshots DIR). Called by app/gui/main.cpp.
#pragma once

class QApplication;
class QString;

namespace dd::ui {

// Runs the app until its window closes; returns the exit code.
int runApp(QApplication &app);

// Installs the translations for `language` ("de", "ja"; empty for the
// system locale). Returns false when there are none for it: English is
// installed then, for its plural forms.
bool installTranslations(QApplication &app, const QString &language);

} // namespace dd::ui
