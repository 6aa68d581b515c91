// TagEditor: the designer's tags: a two-column key/value grid with add and
// remove buttons and the reasons the tags break DynamoDB's rules below it.
#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

class QTableWidget;

namespace dd::ui {

class ErrorLabel;

class TagEditor : public QWidget {
    Q_OBJECT
public:
    explicit TagEditor(QWidget *parent = nullptr);

    QList<QPair<QString, QString>> tags() const; // rows with a key or a value, in order
    void setTags(const QList<QPair<QString, QString>> &tags);
    void setError(const QString &message);       // empty hides it

signals:
    void changed();

private:
    QTableWidget *m_table;
    ErrorLabel *m_error;
};

} // namespace dd::ui
