#include "designer/designfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

namespace dd::ui::designfile {

bool save(const QString &path, const TableDesign &design, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = f.errorString();
        return false;
    }
    f.write(QJsonDocument(design.toJson()).toJson(QJsonDocument::Indented));
    if (!f.flush()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

bool load(const QString &path, TableDesign *design, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("dd::ui::TableDesigner", "Not JSON: %1").arg(parseError.errorString());
        return false;
    }
    return TableDesign::fromJson(doc.object(), design, error);
}

} // namespace dd::ui::designfile
