// ResultItemOpener: opens a row of the PartiQL editor's grid in the item
// editor. A row may show a projection, so the whole item is read first
// (GetItem, consistent); a save in the item editor then updates what the
// row shows (the whole item when the row held all of it, else the row's
// attributes) and a delete removes the row, unless the grid has shown
// another result since (a model reset).
//
// GUI thread only. The connection and the model are not owned and must
// outlive the opener; the destructor drops the read in flight without
// waiting for it.
#pragma once

#include "client/client.h"
#include "common/tablekeys.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

class QWidget;

namespace dd::ui {

class Connection;
class PartiqlResultModel;

class ResultItemOpener : public QObject {
    Q_OBJECT
public:
    // Item editors open as windows of `dialogParent` (not owned).
    ResultItemOpener(Connection *connection, PartiqlResultModel *model, QWidget *dialogParent);
    ~ResultItemOpener() override;

    // Starts reading the item of `row`, an item of `table` whose key
    // attributes are `keys`. False when a read runs already, or with
    // *error (one line, translated) when the row lacks the key.
    bool open(int row, const QString &table, const TableKeys &keys, QString *error);
    bool isReading() const { return m_watcher.isRunning(); }

signals:
    void failed(const QString &message); // the read failed ("Type: message") or found no item

private:
    struct Read {
        client::ApiResponse response;
        QString table;
        TableKeys keys;
        quint64 generation = 0; // of the grid's rows when it was asked for
    };
    void onRead();

    Connection *m_connection;
    PartiqlResultModel *m_model;
    QWidget *m_dialogParent;
    quint64 m_generation = 0; // bumped by every reset of the model
    QFutureWatcher<Read> m_watcher;
};

} // namespace dd::ui
