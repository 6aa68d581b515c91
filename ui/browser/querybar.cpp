#include "browser/querybar.h"

#include "common/errorlabel.h"
#include "common/itemjson.h"
#include "model/json.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace dd::ui {

QueryBar::QueryBar(QWidget *parent) : QWidget(parent)
{
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("Scan"), QStringLiteral("Scan"));
    m_mode->addItem(tr("Query"), QStringLiteral("Query"));
    m_index = new QComboBox(this);
    m_index->setObjectName(QStringLiteral("index"));
    m_keyCondition = new QLineEdit(this);
    m_keyCondition->setObjectName(QStringLiteral("keyCondition"));
    m_keyCondition->setPlaceholderText(tr("#pk = :pk AND begins_with(#sk, :prefix)"));
    m_keyConditionLabel = new QLabel(tr("&Key condition:"), this);
    m_keyConditionLabel->setBuddy(m_keyCondition);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("optional, e.g. #status = :open"));
    m_projection = new QLineEdit(this);
    m_projection->setObjectName(QStringLiteral("projection"));
    m_projection->setPlaceholderText(tr("optional, e.g. pk, sk, total"));
    m_names = new QLineEdit(this);
    m_names->setObjectName(QStringLiteral("names"));
    m_names->setPlaceholderText(QStringLiteral("{\"#pk\": \"customerId\"}"));
    m_values = new QLineEdit(this);
    m_values->setObjectName(QStringLiteral("values"));
    m_values->setPlaceholderText(QStringLiteral("{\":pk\": {\"S\": \"c1\"}}  or  {\":pk\": \"c1\"}"));
    m_pageSize = new QSpinBox(this);
    m_pageSize->setObjectName(QStringLiteral("pageSize"));
    m_pageSize->setRange(1, 1000);
    m_pageSize->setValue(100);
    m_pageSize->setToolTip(tr("Items per page (Limit)"));
    m_descending = new QCheckBox(tr("&Descending"), this);
    m_descending->setObjectName(QStringLiteral("descending"));
    m_consistent = new QCheckBox(tr("C&onsistent read"), this);
    m_consistent->setObjectName(QStringLiteral("consistent"));
    auto *run = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/run.svg")), tr("&Run"), this);
    run->setObjectName(QStringLiteral("run"));
    run->setToolTip(tr("Run (Ctrl+Return)"));
    auto *copy = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/copy.svg")), tr("AWS &CLI"), this);
    copy->setObjectName(QStringLiteral("copyCli"));
    copy->setToolTip(tr("Copy as AWS CLI command"));
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("queryError"));

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *first = new QHBoxLayout;
    first->addWidget(m_mode);
    auto *onLabel = new QLabel(tr("&on"), this);
    onLabel->setBuddy(m_index);
    first->addWidget(onLabel);
    first->addWidget(m_index, 1);
    first->addWidget(new QLabel(tr("Page size:"), this));
    first->addWidget(m_pageSize);
    first->addWidget(m_descending);
    first->addWidget(m_consistent);
    first->addStretch();
    first->addWidget(copy);
    first->addWidget(run);
    grid->addLayout(first, 0, 0, 1, 4);
    grid->addWidget(m_keyConditionLabel, 1, 0);
    grid->addWidget(m_keyCondition, 1, 1);
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    grid->addWidget(filterLabel, 1, 2);
    grid->addWidget(m_filter, 1, 3);
    auto *namesLabel = new QLabel(tr("&Names:"), this);
    namesLabel->setBuddy(m_names);
    grid->addWidget(namesLabel, 2, 0);
    grid->addWidget(m_names, 2, 1);
    auto *valuesLabel = new QLabel(tr("&Values:"), this);
    valuesLabel->setBuddy(m_values);
    grid->addWidget(valuesLabel, 2, 2);
    grid->addWidget(m_values, 2, 3);
    auto *projectionLabel = new QLabel(tr("&Projection:"), this);
    projectionLabel->setBuddy(m_projection);
    grid->addWidget(projectionLabel, 3, 0);
    grid->addWidget(m_projection, 3, 1);
    grid->addWidget(m_error, 3, 2, 1, 2);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    setIndexes({});
    connect(m_mode, &QComboBox::currentIndexChanged, this, &QueryBar::updateMode);
    connect(run, &QPushButton::clicked, this, &QueryBar::runRequested);
    connect(copy, &QPushButton::clicked, this, &QueryBar::copyCliRequested);
    for (auto *e : {m_keyCondition, m_filter, m_projection, m_names, m_values})
        connect(e, &QLineEdit::returnPressed, this, &QueryBar::runRequested);
    updateMode();
}

void QueryBar::setIndexes(const QStringList &indexNames)
{
    m_index->clear();
    m_index->addItem(tr("Table"), QString());
    for (const QString &n : indexNames)
        m_index->addItem(tr("Index %1").arg(n), n);
}

QString QueryBar::indexName() const
{
    return m_index->currentData().toString();
}

void QueryBar::showError(const QString &message)
{
    m_error->setError(message);
}

void QueryBar::setQuery(const QString &keyCondition, const QString &names, const QString &values, const QString &index)
{
    m_mode->setCurrentIndex(keyCondition.isEmpty() ? 0 : 1);
    m_keyCondition->setText(keyCondition);
    m_names->setText(names);
    m_values->setText(values);
    m_index->setCurrentIndex(qMax(0, m_index->findData(index)));
}

void QueryBar::updateMode()
{
    const bool query = m_mode->currentData().toString() == QLatin1String("Query");
    m_keyCondition->setEnabled(query);
    m_keyConditionLabel->setEnabled(query);
    m_descending->setEnabled(query);
}

bool QueryBar::buildRequest(const QString &table, QString *operation, QJsonObject *request, QString *error) const
{
    *operation = m_mode->currentData().toString();
    QJsonObject r{{QStringLiteral("TableName"), table}, {QStringLiteral("Limit"), m_pageSize->value()}};
    if (!indexName().isEmpty())
        r.insert(QStringLiteral("IndexName"), indexName());
    if (*operation == QLatin1String("Query")) {
        if (m_keyCondition->text().trimmed().isEmpty()) {
            *error = tr("A Query needs a key condition");
            return false;
        }
        r.insert(QStringLiteral("KeyConditionExpression"), m_keyCondition->text().trimmed());
        if (m_descending->isChecked())
            r.insert(QStringLiteral("ScanIndexForward"), false);
    }
    if (!m_filter->text().trimmed().isEmpty())
        r.insert(QStringLiteral("FilterExpression"), m_filter->text().trimmed());
    if (!m_projection->text().trimmed().isEmpty())
        r.insert(QStringLiteral("ProjectionExpression"), m_projection->text().trimmed());
    if (m_consistent->isChecked())
        r.insert(QStringLiteral("ConsistentRead"), true);
    if (!m_names->text().trimmed().isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(m_names->text().toUtf8());
        if (!doc.isObject()) {
            *error = tr("Names must be a JSON object such as {\"#pk\": \"customerId\"}");
            return false;
        }
        r.insert(QStringLiteral("ExpressionAttributeNames"), doc.object());
    }
    if (!m_values->text().trimmed().isEmpty()) {
        // DynamoDB JSON first; plain JSON ({":pk": "c1"}) when that fails.
        QJsonObject values;
        itemjson::ParseError pe;
        if (!itemjson::parseDynamoText(m_values->text(), &values, &pe)) {
            itemjson::ParseError plainError;
            if (!itemjson::parsePlainText(m_values->text(), QJsonObject(), &values, &plainError)) {
                *error = tr("Values: %1").arg(pe.message);
                return false;
            }
        }
        r.insert(QStringLiteral("ExpressionAttributeValues"), values);
    }
    *request = r;
    return true;
}

} // namespace dd::ui
