// dynamodesk: the desktop app. Thin: arguments, translations, the main
// window on the connections of last time (or the default embedded database).
#include "connections/connectionsettings.h"
#include "mainwindow/appstartup.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("dynamodesk"));
    QApplication::setOrganizationName(QStringLiteral("dynamodesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Dynamodesk"));
    QApplication::setApplicationVersion(QStringLiteral(DD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dynamodesk"));
    return dd::ui::runApp(app);
}
