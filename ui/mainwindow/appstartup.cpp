#include "mainwindow/appstartup.h"

#include "connections/connection.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/screenshottour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace dd::ui {

bool installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *ours = new QTranslator(&app);
    if (!ours->load(locale, QStringLiteral("dynamodesk"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        // English then, with its plural forms ("1 item", "2 items"; the
        // sources say "%n item(s)"), also for a locale we have no words for.
        if (ours->load(QStringLiteral(":/i18n/dynamodesk_en.qm")))
            QApplication::installTranslator(ours);
        else
            delete ours;
        return false;
    }
    QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

int runApp(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Dynamodesk: a desktop workbench for DynamoDB"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption inMemory(QStringLiteral("in-memory"), QStringLiteral("Open an embedded database in memory (nothing is saved)."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Open the embedded database in this folder."), QStringLiteral("dir"));
    const QCommandLineOption serve(QStringLiteral("serve"), QStringLiteral("Serve the embedded database on 127.0.0.1:PORT."), QStringLiteral("port"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("User interface language (en, de, ja)."), QStringLiteral("code"));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"), QStringLiteral("Save a PNG of every screen into DIR and quit."), QStringLiteral("dir"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("With --screenshots: use a dark palette."));
    for (const auto &o : {inMemory, dataDir, serve, lang, screenshots, dark})
        parser.addOption(o);
    parser.process(app);

    const QString language = parser.isSet(lang) ? parser.value(lang) : QSettings().value(QStringLiteral("language")).toString();
    installTranslations(app, language);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/dynamodesk/icons/dynamodesk.svg")));

    MainWindow window;
    const bool tour = parser.isSet(screenshots);
    const bool explicitConnection = parser.isSet(inMemory) || parser.isSet(dataDir) || tour;
    window.setRememberConnections(!explicitConnection);
    if (explicitConnection) {
        ConnectionSettings s;
        s.inMemory = parser.isSet(inMemory) || tour;
        s.dataDir = parser.value(dataDir);
        if (parser.isSet(serve)) {
            s.serve = true;
            s.port = quint16(parser.value(serve).toUInt());
        }
        if (s.inMemory)
            window.openConnection(s); // nothing to read: at once, so that the tour finds it
        else
            window.openConnectionInBackground(s);
    } else {
        QSettings settings;
        QList<ConnectionSettings> saved = ConnectionSettings::loadAll(settings);
        if (saved.isEmpty())
            saved << ConnectionSettings(); // the default data folder
        if (parser.isSet(serve)) {
            saved.first().serve = true;
            saved.first().port = quint16(parser.value(serve).toUInt());
        }
        window.openConnectionsInBackground(saved); // the window shows at once; each folder joins when open
    }
    window.show();
    if (tour) {
        auto *t = new ScreenshotTour(&window, parser.value(screenshots), parser.isSet(dark));
        QObject::connect(t, &ScreenshotTour::finished, &app, [&app](bool ok) { app.exit(ok ? 0 : 1); });
        QTimer::singleShot(0, t, &ScreenshotTour::start);
    }
    return app.exec();
}

} // namespace dd::ui
