#include "browser/querybar.h"

#include "common/copyasbutton.h"

#include "browser/querybuilder.h"
#include "browser/queryspec.h"
#include "common/errorlabel.h"
#include "common/itemjson.h"
#include "common/tablekeys.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace dd::ui {

QueryBar::QueryBar(QWidget *parent) : QWidget(parent)
{
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("Scan"), QStringLiteral("Scan"));
    m_mode->addItem(tr("Query"), QStringLiteral("Query"));
    m_index = new QComboBox(this);
    m_index->setObjectName(QStringLiteral("index"));
    m_index->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pageSize = new QSpinBox(this);
    m_pageSize->setObjectName(QStringLiteral("pageSize"));
    m_pageSize->setRange(1, 1000);
    m_pageSize->setValue(100);
    m_pageSize->setToolTip(tr("Items per page (Limit)"));
    m_descending = new QCheckBox(tr("&Descending"), this);
    m_descending->setObjectName(QStringLiteral("descending"));
    m_consistent = new QCheckBox(tr("Con&sistent read"), this);
    m_consistent->setObjectName(QStringLiteral("consistent"));
    m_rawToggle = new QToolButton(this);
    m_rawToggle->setObjectName(QStringLiteral("rawToggle"));
    m_rawToggle->setText(tr("E&xpressions"));
    m_rawToggle->setToolTip(tr("Show and edit the request as raw DynamoDB expressions"));
    m_rawToggle->setCheckable(true);
    auto *copy = new CopyAsButton(tr("AWS &CLI"), this);
    auto *run = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/run.svg")), tr("&Run"), this);
    run->setObjectName(QStringLiteral("run"));
    run->setToolTip(tr("Run (Ctrl+Return)"));
    // The form below the first row, made after it: the tab order is the
    // order of creation, and it follows the screen, top to bottom.
    m_builder = new QueryBuilder(this);

    auto *raw = new QWidget(this);
    m_keyCondition = new QLineEdit(raw);
    m_keyCondition->setObjectName(QStringLiteral("keyCondition"));
    m_keyCondition->setPlaceholderText(tr("#pk = :pk AND begins_with(#sk, :prefix)"));
    m_keyConditionLabel = new QLabel(tr("&Key condition:"), raw);
    m_keyConditionLabel->setBuddy(m_keyCondition);
    m_filter = new QLineEdit(raw);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("optional, e.g. #status = :open"));
    m_names = new QLineEdit(raw);
    m_names->setObjectName(QStringLiteral("names"));
    m_names->setPlaceholderText(QStringLiteral("{\"#pk\": \"customerId\"}"));
    m_values = new QLineEdit(raw);
    m_values->setObjectName(QStringLiteral("values"));
    m_values->setPlaceholderText(QStringLiteral("{\":pk\": {\"S\": \"c1\"}}  or  {\":pk\": \"c1\"}"));
    m_projection = new QLineEdit(raw);
    m_projection->setObjectName(QStringLiteral("projection"));
    m_projection->setPlaceholderText(tr("optional, e.g. pk, sk, total"));
    auto *grid = new QGridLayout(raw);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_keyConditionLabel, 0, 0);
    grid->addWidget(m_keyCondition, 0, 1);
    auto *filterLabel = new QLabel(tr("&Filter:"), raw);
    filterLabel->setBuddy(m_filter);
    grid->addWidget(filterLabel, 0, 2);
    grid->addWidget(m_filter, 0, 3);
    auto *namesLabel = new QLabel(tr("&Names:"), raw);
    namesLabel->setBuddy(m_names);
    grid->addWidget(namesLabel, 1, 0);
    grid->addWidget(m_names, 1, 1);
    auto *valuesLabel = new QLabel(tr("&Values:"), raw);
    valuesLabel->setBuddy(m_values);
    grid->addWidget(valuesLabel, 1, 2);
    grid->addWidget(m_values, 1, 3);
    auto *projectionLabel = new QLabel(tr("&Projection:"), raw);
    projectionLabel->setBuddy(m_projection);
    grid->addWidget(projectionLabel, 2, 0);
    grid->addWidget(m_projection, 2, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_builder);
    m_stack->addWidget(raw);
    // Only as tall as the page shown.
    auto fit = [this](int shown) {
        for (int i = 0; i < m_stack->count(); ++i)
            m_stack->widget(i)->setSizePolicy(QSizePolicy::Preferred, i == shown ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        m_stack->adjustSize();
    };
    connect(m_stack, &QStackedWidget::currentChanged, this, fit);
    fit(0);

    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("queryError"));

    auto *first = new QHBoxLayout;
    first->addWidget(m_mode);
    auto *onLabel = new QLabel(tr("&on"), this);
    onLabel->setBuddy(m_index);
    first->addWidget(onLabel);
    first->addWidget(m_index);
    auto *pageSizeLabel = new QLabel(tr("Page si&ze:"), this);
    pageSizeLabel->setBuddy(m_pageSize);
    first->addWidget(pageSizeLabel);
    first->addWidget(m_pageSize);
    first->addWidget(m_descending);
    first->addWidget(m_consistent);
    first->addStretch();
    first->addWidget(m_rawToggle);
    first->addWidget(copy);
    first->addWidget(run);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(first);
    layout->addWidget(m_stack);
    layout->addWidget(m_error);

    setTable(QJsonObject());
    connect(m_mode, &QComboBox::currentIndexChanged, this, &QueryBar::updateMode);
    connect(m_index, &QComboBox::currentIndexChanged, this, &QueryBar::updateKeys);
    connect(m_rawToggle, &QToolButton::toggled, this, &QueryBar::setRaw);
    connect(run, &QPushButton::clicked, this, &QueryBar::runRequested);
    connect(copy, &CopyAsButton::copyRequested, this, &QueryBar::copyRequested);
    connect(m_builder, &QueryBuilder::runRequested, this, &QueryBar::runRequested);
    for (auto *e : {m_keyCondition, m_filter, m_projection, m_names, m_values})
        connect(e, &QLineEdit::returnPressed, this, &QueryBar::runRequested);
    updateMode();
}

void QueryBar::setTable(const QJsonObject &description)
{
    m_description = description;
    const QString current = indexName();
    // A multi-attribute key reads "tenant S, year N / area S, round N".
    auto keyText = [](const TableKeys &k) { return k.text(true); };
    m_index->blockSignals(true);
    m_index->clear();
    const TableKeys tableKeys = TableKeys::fromDescription(description);
    m_index->addItem(tableKeys.partition.isEmpty() ? tr("Table") : tr("Table (%1)").arg(keyText(tableKeys)), QString());
    for (const auto &[kind, label] : {std::pair{"GlobalSecondaryIndexes", "GSI"}, std::pair{"LocalSecondaryIndexes", "LSI"}}) {
        for (const auto &ix : description.value(QLatin1String(kind)).toArray()) {
            const QString name = ix.toObject().value(QStringLiteral("IndexName")).toString();
            const TableKeys k = TableKeys::fromDescription(description, name);
            m_index->addItem(QStringLiteral("%1 %2 (%3)").arg(QLatin1String(label), name, keyText(k)), name);
        }
    }
    m_index->setCurrentIndex(qMax(0, m_index->findData(current)));
    m_index->blockSignals(false);
    updateKeys();
}

void QueryBar::setAttributes(const QStringList &names, const QHash<QString, QString> &types)
{
    m_builder->setAttributes(names, types);
}

void QueryBar::updateKeys()
{
    m_builder->setKeys(TableKeys::fromDescription(m_description, indexName()));
}

QString QueryBar::indexName() const
{
    return m_index->currentData().toString();
}

void QueryBar::setIndex(const QString &index)
{
    m_index->setCurrentIndex(qMax(0, m_index->findData(index)));
}

void QueryBar::setOperation(const QString &operation)
{
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(operation)));
}

void QueryBar::showError(const QString &message)
{
    m_error->setError(message);
}

bool QueryBar::isRaw() const
{
    return m_stack->currentIndex() == 1;
}

void QueryBar::setRaw(bool raw)
{
    if (raw == isRaw())
        return;
    m_rawToggle->blockSignals(true);
    m_rawToggle->setChecked(raw);
    m_rawToggle->blockSignals(false);
    if (raw) {
        fillRawFromBuilder();
    } else {
        const QString now = QStringList{m_keyCondition->text(), m_filter->text(), m_projection->text(), m_names->text(), m_values->text()}.join(QChar(0));
        if (!m_filledRaw.isNull() && now != m_filledRaw)
            showError(tr("The builder is as you left it; edits to the raw expressions stay in the Expressions view"));
    }
    m_stack->setCurrentIndex(raw ? 1 : 0);
}

void QueryBar::fillRawFromBuilder()
{
    QJsonObject r;
    QString error;
    const bool query = m_mode->currentData().toString() == QLatin1String("Query");
    if (!queryspec::apply(m_builder->spec(), query, &r, &error)) {
        // Fill what can be filled; the rest stays as it was.
        showError(error);
        m_filledRaw = QString();
        return;
    }
    auto compact = [](const QJsonObject &o) {
        return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    };
    m_keyCondition->setText(r.value(QStringLiteral("KeyConditionExpression")).toString());
    m_filter->setText(r.value(QStringLiteral("FilterExpression")).toString());
    m_projection->setText(r.value(QStringLiteral("ProjectionExpression")).toString());
    m_names->setText(compact(r.value(QStringLiteral("ExpressionAttributeNames")).toObject()));
    m_values->setText(compact(r.value(QStringLiteral("ExpressionAttributeValues")).toObject()));
    m_filledRaw = QStringList{m_keyCondition->text(), m_filter->text(), m_projection->text(), m_names->text(), m_values->text()}.join(QChar(0));
    showError(QString());
}

void QueryBar::setQuery(const QString &keyCondition, const QString &names, const QString &values, const QString &index)
{
    setRaw(true);
    m_mode->setCurrentIndex(keyCondition.isEmpty() ? 0 : 1);
    m_keyCondition->setText(keyCondition);
    m_names->setText(names);
    m_values->setText(values);
    setIndex(index);
}

void QueryBar::updateMode()
{
    const bool query = m_mode->currentData().toString() == QLatin1String("Query");
    m_keyCondition->setEnabled(query);
    m_keyConditionLabel->setEnabled(query);
    m_descending->setEnabled(query);
    m_builder->setQueryMode(query);
}

bool QueryBar::buildRequest(const QString &table, QString *operation, QJsonObject *request, QString *error) const
{
    *operation = m_mode->currentData().toString();
    const bool query = *operation == QLatin1String("Query");
    QJsonObject r{{QStringLiteral("TableName"), table}, {QStringLiteral("Limit"), m_pageSize->value()}};
    if (!indexName().isEmpty())
        r.insert(QStringLiteral("IndexName"), indexName());
    if (query && m_descending->isChecked())
        r.insert(QStringLiteral("ScanIndexForward"), false);
    if (m_consistent->isChecked())
        r.insert(QStringLiteral("ConsistentRead"), true);
    if (!isRaw()) {
        if (!queryspec::apply(m_builder->spec(), query, &r, error))
            return false;
        *request = r;
        return true;
    }
    if (query) {
        if (m_keyCondition->text().trimmed().isEmpty()) {
            *error = tr("A Query needs a key condition");
            return false;
        }
        r.insert(QStringLiteral("KeyConditionExpression"), m_keyCondition->text().trimmed());
    }
    if (!m_filter->text().trimmed().isEmpty())
        r.insert(QStringLiteral("FilterExpression"), m_filter->text().trimmed());
    if (!m_projection->text().trimmed().isEmpty())
        r.insert(QStringLiteral("ProjectionExpression"), m_projection->text().trimmed());
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
