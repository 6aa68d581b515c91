// TableDefinitionText: a CreateTable request in a few lines for people, as
// the copy dialog shows what it will create: the key, each index with its
// key and projection, the billing mode and capacities, the stream and the
// table class. Pure functions of their arguments; they use tr(), so call
// them on the GUI thread.
#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace dd::ui {

class TableDefinitionText {
    Q_DECLARE_TR_FUNCTIONS(dd::ui::TableDefinitionText)
public:
    // One line per part of `createTable` (a CreateTable request in the wire
    // shape), joined by '\n'; parts the request leaves out are left out.
    static QString summary(const QJsonObject &createTable);
    // "pk (S), sk (N)": the names of `keySchema` in order, each with its type
    // from `attributeDefinitions` (none shown when it is not defined there).
    static QString keys(const QJsonArray &keySchema, const QJsonArray &attributeDefinitions);
};

} // namespace dd::ui
