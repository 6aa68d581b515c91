#include "dax/ttleditor.h"

#include "common/errorlabel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace dd::ui {

TtlEditor::TtlEditor(QWidget *parent) : QGroupBox(parent)
{
    setObjectName(QStringLiteral("ttlBox"));
    setTitle(tr("Cache TTLs"));
    const auto ttlField = [this](const char *name) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setMaxLength(18);
        edit->setAlignment(Qt::AlignRight);
        edit->setPlaceholderText(tr("milliseconds"));
        return edit;
    };
    m_recordTtl = ttlField("recordTtl");
    m_recordTtl->setToolTip(tr("record-ttl-millis: how long GetItem and BatchGetItem answer an item from the item cache"));
    m_queryTtl = ttlField("queryTtl");
    m_queryTtl->setToolTip(tr("query-ttl-millis: how long Query and Scan answer a response from the query cache"));
    m_recordMeaning = new QLabel(this);
    m_recordMeaning->setObjectName(QStringLiteral("recordTtlMeaning"));
    m_queryMeaning = new QLabel(this);
    m_queryMeaning->setObjectName(QStringLiteral("queryTtlMeaning"));
    const auto row = [](QLineEdit *edit, QLabel *meaning) {
        auto *box = new QHBoxLayout;
        box->addWidget(edit);
        box->addWidget(meaning, 1);
        return box;
    };
    auto *form = new QFormLayout;
    auto *recordLabel = new QLabel(tr("&Item TTL (record-ttl-millis):"), this);
    recordLabel->setBuddy(m_recordTtl);
    auto *queryLabel = new QLabel(tr("&Query TTL (query-ttl-millis):"), this);
    queryLabel->setBuddy(m_queryTtl);
    form->addRow(recordLabel, row(m_recordTtl, m_recordMeaning));
    form->addRow(queryLabel, row(m_queryTtl, m_queryMeaning));
    auto *explanation = new QLabel(tr("In milliseconds. An item read through a cluster is answered from the item cache until its TTL "
                                      "ends, so a write made around the cluster stays unseen until then; writes never refresh the query "
                                      "cache. Clusters that use the group take new TTLs at once."),
                                   this);
    explanation->setObjectName(QStringLiteral("ttlExplanation"));
    explanation->setWordWrap(true);
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->setVisible(false);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("ttlError"));
    m_saveButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/run.svg")), tr("&Save TTLs"), this);
    m_saveButton->setObjectName(QStringLiteral("saveTtls"));
    m_saveButton->setAutoDefault(false);
    m_saveButton->setToolTip(tr("Dax.UpdateParameterGroup"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_saveButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(explanation);
    layout->addWidget(m_readOnlyNote);
    layout->addStretch(1);
    layout->addLayout(saveRow);

    connect(m_recordTtl, &QLineEdit::textChanged, this, &TtlEditor::updateForm);
    connect(m_queryTtl, &QLineEdit::textChanged, this, &TtlEditor::updateForm);
    connect(m_recordTtl, &QLineEdit::returnPressed, this, &TtlEditor::requestSave);
    connect(m_queryTtl, &QLineEdit::returnPressed, this, &TtlEditor::requestSave);
    connect(m_saveButton, &QPushButton::clicked, this, &TtlEditor::requestSave);
    updateForm();
}

void TtlEditor::showGroup(const QString &group, const QString &recordTtlMs, const QString &queryTtlMs, bool readOnly)
{
    m_group = group;
    m_loadedRecordTtl = recordTtlMs;
    m_loadedQueryTtl = queryTtlMs;
    m_readOnly = readOnly;
    setTitle(tr("Cache TTLs of %1").arg(group));
    m_readOnlyNote->setText(tr("%1 is DAX's default group and cannot be changed: create a parameter group to use other TTLs.").arg(group));
    {
        const QSignalBlocker a(m_recordTtl), b(m_queryTtl);
        m_recordTtl->setText(recordTtlMs);
        m_queryTtl->setText(queryTtlMs);
    }
    updateForm();
}

void TtlEditor::clear(const QString &group)
{
    m_group.clear();
    m_readOnly = true;
    setTitle(group.isEmpty() ? tr("Cache TTLs") : tr("Cache TTLs of %1").arg(group));
    {
        const QSignalBlocker a(m_recordTtl), b(m_queryTtl);
        m_recordTtl->clear();
        m_queryTtl->clear();
    }
    updateForm();
}

void TtlEditor::setTtls(const QString &recordTtlMs, const QString &queryTtlMs)
{
    m_recordTtl->setText(recordTtlMs);
    m_queryTtl->setText(queryTtlMs);
}

void TtlEditor::setSaving(bool saving)
{
    m_saving = saving;
    updateForm();
}

void TtlEditor::requestSave()
{
    if (canSave())
        emit saveRequested(recordTtl().trimmed(), queryTtl().trimmed());
}

QString TtlEditor::problem(const QString &text)
{
    static const QRegularExpression whole(QStringLiteral("^[0-9]{1,18}$"));
    if (text.trimmed().isEmpty())
        return tr("enter a number of milliseconds");
    if (!whole.match(text.trimmed()).hasMatch())
        return tr("a whole number of milliseconds, 0 or more");
    return QString();
}

QString TtlEditor::meaning(const QString &text, const QString &zeroMeaning)
{
    if (!problem(text).isEmpty())
        return QString();
    qint64 ms = text.trimmed().toLongLong();
    if (ms == 0)
        return zeroMeaning;
    const QLocale locale;
    QStringList parts;
    const std::pair<qint64, QString> units[] = {{86'400'000, tr("%1 d")}, {3'600'000, tr("%1 h")}, {60'000, tr("%1 min")},
                                                {1'000, tr("%1 s")},      {1, tr("%1 ms")}};
    for (const auto &[size, format] : units) {
        if (ms >= size) {
            parts << format.arg(locale.toString(ms / size));
            ms %= size;
        }
    }
    return QStringLiteral("= ") + parts.join(QLatin1Char(' '));
}

void TtlEditor::updateForm()
{
    const bool shown = !m_group.isEmpty();
    m_recordTtl->setReadOnly(m_readOnly);
    m_queryTtl->setReadOnly(m_readOnly);
    m_recordTtl->setEnabled(shown);
    m_queryTtl->setEnabled(shown);
    m_readOnlyNote->setVisible(shown && m_readOnly);
    m_recordMeaning->setText(shown ? meaning(m_recordTtl->text(), tr("never expire")) : QString());
    m_queryMeaning->setText(shown ? meaning(m_queryTtl->text(), tr("not cached")) : QString());
    QStringList problems;
    if (shown && !m_readOnly) {
        if (const QString p = problem(m_recordTtl->text()); !p.isEmpty())
            problems << tr("Item TTL: %1").arg(p);
        if (const QString p = problem(m_queryTtl->text()); !p.isEmpty())
            problems << tr("Query TTL: %1").arg(p);
    }
    m_error->setError(problems.join(QLatin1Char('\n')));
    m_saveButton->setEnabled(canSave());
}

bool TtlEditor::canSave() const
{
    if (m_group.isEmpty() || m_readOnly || m_saving)
        return false;
    if (!problem(m_recordTtl->text()).isEmpty() || !problem(m_queryTtl->text()).isEmpty())
        return false;
    return m_recordTtl->text().trimmed() != m_loadedRecordTtl || m_queryTtl->text().trimmed() != m_loadedQueryTtl;
}

QString TtlEditor::recordTtl() const
{
    return m_recordTtl->text();
}

QString TtlEditor::queryTtl() const
{
    return m_queryTtl->text();
}

QString TtlEditor::errorText() const
{
    return m_error->text();
}

} // namespace dd::ui
