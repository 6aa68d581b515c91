#include "policies/resourcepolicydialog.h"

#include "common/confirm.h"
#include "common/errorlabel.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "policies/policyeditor.h"
#include "policies/policytext.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace dd::ui {

namespace {

QString p(const char *s)
{
    return QString::fromLatin1(s);
}

QString typed(const ApiError &e)
{
    return QStringLiteral("%1: %2").arg(e.type(), e.message());
}

// DynamoDB refuses a policy that would deny its caller PutResourcePolicy
// unless the request confirms it: AWS answers AccessDeniedException "The new
// resource policy will not allow you to update the resource policy in the
// future."; an answer that names the parameter counts too.
bool isSelfLockout(const ApiError &e)
{
    return e.message().contains(p("ConfirmRemoveSelfResourceAccess"), Qt::CaseInsensitive)
        || (e.type() == QLatin1String("AccessDeniedException")
            && e.message().contains(p("will not allow you to update the resource policy"), Qt::CaseInsensitive));
}

} // namespace

ResourcePolicyDialog::ResourcePolicyDialog(Connection *connection, const QString &table, QWidget *parent)
    : QDialog(parent), m_connection(connection), m_table(table)
{
    setObjectName(p("resourcePolicyDialog"));
    setWindowTitle(tr("Resource policy: %1").arg(table));

    auto *intro = new QLabel(tr("A resource-based policy says which principals (IAM users and roles, other accounts) may do what "
                                "with this table or its stream. DynamoDB weighs it together with their own IAM policies; an "
                                "explicit Deny always wins."),
                             this);
    intro->setWordWrap(true);
    // Policies are checked only for signed callers: say so where none are.
    if (connection->engine())
        intro->setText(intro->text() + u' '
                       + tr("This embedded database keeps the policy and answers for it as DynamoDB does, but checks it only for "
                            "requests signed by the users of a server started with --auth."));

    m_tableChoice = new QRadioButton(tr("&Table %1").arg(table), this);
    m_tableChoice->setObjectName(p("policyOfTable"));
    m_tableChoice->setChecked(true);
    m_streamChoice = new QRadioButton(tr("Its &stream"), this);
    m_streamChoice->setObjectName(p("policyOfStream"));
    m_streamChoice->setEnabled(false);
    auto *choices = new QButtonGroup(this);
    choices->addButton(m_tableChoice);
    choices->addButton(m_streamChoice);
    auto *choiceRow = new QHBoxLayout;
    choiceRow->setContentsMargins(0, 0, 0, 0);
    choiceRow->addWidget(m_tableChoice);
    choiceRow->addWidget(m_streamChoice);
    choiceRow->addStretch(1);

    m_arn = new QLabel(this);
    m_arn->setObjectName(p("policyResourceArn"));
    m_arn->setTextFormat(Qt::PlainText);
    m_arn->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard); // reached by its label, not by Tab
    m_status = new QLabel(this);
    m_status->setObjectName(p("policyStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(p("policyBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(100);
    m_busy->setMaximumHeight(12);
    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(0, 0, 0, 0);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_busy);

    // Rows of a layout: their labels need a buddy for the mnemonic.
    auto *choiceLabel = new QLabel(tr("&Policy of:"), this);
    choiceLabel->setBuddy(m_tableChoice);
    auto *statusLabel = new QLabel(tr("Stat&e:"), this);
    statusLabel->setBuddy(m_status);
    auto *form = new QFormLayout;
    form->addRow(choiceLabel, choiceRow);
    form->addRow(tr("Res&ource:"), m_arn);
    form->addRow(statusLabel, statusRow);

    m_editor = new PolicyEditor(this);

    m_conflictBox = new QFrame(this);
    m_conflictBox->setObjectName(p("policyConflict"));
    m_conflictBox->setFrameShape(QFrame::StyledPanel);
    m_conflict = new QLabel(m_conflictBox);
    m_conflict->setObjectName(p("policyConflictText"));
    m_conflict->setWordWrap(true);
    m_conflict->setTextFormat(Qt::PlainText);
    m_conflict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *conflictReload = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/refresh.svg")), tr("Re&load"), m_conflictBox);
    conflictReload->setObjectName(p("conflictReload"));
    conflictReload->setAutoDefault(false);
    conflictReload->setToolTip(tr("Read the policy as it is now; Undo in the editor brings your text back"));
    auto *conflictRow = new QHBoxLayout(m_conflictBox);
    conflictRow->addWidget(m_conflict, 1);
    conflictRow->addWidget(conflictReload, 0, Qt::AlignTop);
    m_conflictBox->setVisible(false);

    m_error = new ErrorLabel(this);
    m_error->setObjectName(p("policyError"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_delete = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/delete.svg")), tr("&Delete policy…"), this);
    m_delete->setObjectName(p("deletePolicy"));
    m_delete->setAutoDefault(false);
    m_delete->setToolTip(tr("DeleteResourcePolicy: only if the policy is still the revision shown"));
    m_reload = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/refresh.svg")), tr("&Reload"), this);
    m_reload->setObjectName(p("reloadPolicy"));
    m_reload->setAutoDefault(false);
    m_reload->setToolTip(tr("Read the policy again; Undo in the editor brings your text back"));
    m_save = new QPushButton(tr("S&ave"), this);
    m_save->setObjectName(p("savePolicy"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("PutResourcePolicy: only if nobody changed the policy since it was loaded (Ctrl+S)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_delete);
    actionRow->addWidget(m_reload);
    actionRow->addStretch(1);
    actionRow->addWidget(m_save);
    actionRow->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_conflictBox);
    layout->addWidget(m_error);
    layout->addLayout(actionRow);

    for (Resource *resource : {&m_tableResource, &m_streamResource})
        resource->document = PolicyEditor::newDocument(this);
    m_editor->setDocument(m_tableResource.document);

    connect(&m_watcher, &QFutureWatcher<client::ApiResponse>::finished, this, &ResourcePolicyDialog::onFinished);
    connect(m_tableChoice, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setTarget(Target::Table);
    });
    connect(m_streamChoice, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setTarget(Target::Stream);
    });
    connect(m_editor, &PolicyEditor::changed, this, [this] {
        if (current().document->isModified())
            current().note.clear();
        updateView();
    });
    connect(conflictReload, &QPushButton::clicked, this, &ResourcePolicyDialog::reload);
    connect(m_reload, &QPushButton::clicked, this, &ResourcePolicyDialog::reload);
    connect(m_delete, &QPushButton::clicked, this, &ResourcePolicyDialog::deletePolicy);
    connect(m_save, &QPushButton::clicked, this, &ResourcePolicyDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &ResourcePolicyDialog::reject);

    resize(720, 560);
    updateView();
    describe();
}

ResourcePolicyDialog::~ResourcePolicyDialog()
{
    // Not cancelled: a save or a delete the user asked for is sent even if
    // the dialog closes before the pool started it.
    letFinish(m_watcher);
}

bool ResourcePolicyDialog::hasStream() const
{
    return !m_streamResource.arn.isEmpty();
}

bool ResourcePolicyDialog::isLoaded() const
{
    return current().loaded;
}

bool ResourcePolicyDialog::isBusy() const
{
    return m_call != Call::None;
}

bool ResourcePolicyDialog::hasPolicy() const
{
    return current().hasPolicy;
}

QString ResourcePolicyDialog::revisionId() const
{
    return current().revision;
}

QString ResourcePolicyDialog::resourceArn() const
{
    return current().arn;
}

bool ResourcePolicyDialog::isModified() const
{
    return current().document->isModified();
}

bool ResourcePolicyDialog::hasConflict() const
{
    return !current().conflict.isEmpty();
}

QString ResourcePolicyDialog::statusText() const
{
    return m_status->text();
}

QString ResourcePolicyDialog::problemText() const
{
    return m_editor->problemText();
}

QString ResourcePolicyDialog::errorText() const
{
    return m_error->text();
}

QString ResourcePolicyDialog::conflictText() const
{
    return hasConflict() ? m_conflict->text() : QString();
}

QPlainTextEdit *ResourcePolicyDialog::editor() const
{
    return m_editor->textEdit();
}

QString ResourcePolicyDialog::policyText() const
{
    return m_editor->text();
}

void ResourcePolicyDialog::setPolicyText(const QString &text)
{
    m_editor->setText(text);
}

bool ResourcePolicyDialog::setTarget(Target target)
{
    if (target == m_target)
        return true;
    if (isBusy() || (target == Target::Stream && !hasStream())) {
        (m_target == Target::Table ? m_tableChoice : m_streamChoice)->setChecked(true);
        return false;
    }
    m_target = target;
    (target == Target::Table ? m_tableChoice : m_streamChoice)->setChecked(true);
    showDocument();
    if (!current().loaded)
        load();
    return true;
}

void ResourcePolicyDialog::showDocument()
{
    m_editor->setDocument(current().document);
    m_editor->setTemplates(templates());
    updateView();
}

void ResourcePolicyDialog::start(Call call, const QString &operation, const QJsonObject &request)
{
    m_call = call;
    m_callTarget = m_target;
    m_watcher.setFuture(m_connection->call(operation, request));
    updateView();
}

void ResourcePolicyDialog::describe()
{
    m_describeError.clear();
    start(Call::Describe, p("DescribeTable"), QJsonObject{{p("TableName"), m_table}});
}

void ResourcePolicyDialog::load()
{
    Resource &resource = current();
    resource.error.clear();
    resource.note.clear();
    start(Call::Get, p("GetResourcePolicy"), QJsonObject{{p("ResourceArn"), resource.arn}});
}

bool ResourcePolicyDialog::reload()
{
    if (isBusy())
        return false;
    if (!isDescribed())
        describe();
    else
        load();
    return true;
}

void ResourcePolicyDialog::onFinished()
{
    const client::ApiResponse r = m_watcher.result();
    const Call call = m_call;
    m_call = Call::None;
    Resource &resource = resourceOf(m_callTarget);
    switch (call) {
    case Call::Describe:
        onDescribed(r);
        break;
    case Call::Get:
        onRead(resource, r);
        break;
    case Call::Put:
        onSaved(resource, r, m_callConfirmed);
        break;
    case Call::Delete:
        onDeleted(resource, r);
        break;
    case Call::None:
        break;
    }
    updateView();
}

void ResourcePolicyDialog::onDescribed(const client::ApiResponse &r)
{
    if (!r.ok()) {
        m_describeError = tr("Table %1 could not be read. %2").arg(m_table, typed(*r.error));
        return;
    }
    const QJsonObject table = r.body.value(p("Table")).toObject();
    m_tableArn = table.value(p("TableArn")).toString();
    m_tableResource.arn = m_tableArn;
    const bool streaming = table.value(p("StreamSpecification")).toObject().value(p("StreamEnabled")).toBool();
    m_streamResource.arn = streaming ? table.value(p("LatestStreamArn")).toString() : QString();
    m_editor->setTemplates(templates());
    load();
}

void ResourcePolicyDialog::onRead(Resource &resource, const client::ApiResponse &r)
{
    resource.loaded = true;
    resource.conflict.clear();
    if (!r.ok() && r.error->type() != QLatin1String("PolicyNotFoundException")) {
        resource.readFailed = true;
        resource.error = tr("The policy could not be read. %1").arg(typed(*r.error));
        return;
    }
    resource.readFailed = false;
    resource.hasPolicy = r.ok();
    resource.revision = r.ok() ? r.body.value(p("RevisionId")).toString() : QString();
    PolicyEditor::loadText(resource.document, r.ok() ? policytext::formatted(r.body.value(p("Policy")).toString()) : QString());
}

void ResourcePolicyDialog::onSaved(Resource &resource, const client::ApiResponse &r, bool confirmed)
{
    if (r.ok()) {
        resource.hasPolicy = true;
        resource.revision = r.body.value(p("RevisionId")).toString();
        resource.document->setModified(false);
        resource.note = tr("Saved.");
        return;
    }
    if (r.error->type() == QLatin1String("PolicyNotFoundException")) {
        showConflict(resource, *r.error, false);
        return;
    }
    if (!confirmed && isSelfLockout(*r.error) && &resource == &current()) {
        const QString what = m_target == Target::Table ? tr("table %1").arg(m_table) : tr("the stream of table %1").arg(m_table);
        confirm(this, QMessageBox::Warning, tr("Save resource policy"),
                tr("This policy would deny you PutResourcePolicy: you could not change the policy of %1 again, and only the "
                   "account's root user could still delete it.\n\nDynamoDB said: %2\n\nSave it anyway?")
                    .arg(what, typed(*r.error)),
                p("confirmRemoveSelfAccess"),
                [this, target = m_callTarget] {
                    if (!isBusy() && m_target == target)
                        sendPut(true);
                },
                tr("Save anyway"));
        resource.error = tr("Not saved yet: the policy would lock you out. %1").arg(typed(*r.error));
        return;
    }
    resource.error = tr("The policy was not saved. %1").arg(typed(*r.error));
}

void ResourcePolicyDialog::onDeleted(Resource &resource, const client::ApiResponse &r)
{
    if (r.ok()) {
        resource.hasPolicy = false;
        resource.revision.clear();
        PolicyEditor::loadText(resource.document, QString());
        resource.note = tr("Deleted.");
        return;
    }
    if (r.error->type() == QLatin1String("PolicyNotFoundException")) {
        showConflict(resource, *r.error, true);
        return;
    }
    resource.error = tr("The policy was not deleted. %1").arg(typed(*r.error));
}

void ResourcePolicyDialog::showConflict(Resource &resource, const ApiError &error, bool deleting)
{
    const QString lead = deleting ? tr("Someone changed or deleted this policy after it was loaded, so it was not deleted.")
                                  : tr("Someone changed this policy after it was loaded, so it was not overwritten.");
    resource.conflict = QStringLiteral("%1 %2\n%3")
                            .arg(lead, tr("Reload shows the policy as it is now (then Undo brings your text back)."), typed(error));
}

bool ResourcePolicyDialog::save()
{
    Resource &resource = current();
    const QString text = policyText();
    if (isBusy() || !resource.loaded || resource.readFailed || !resource.conflict.isEmpty() || text.trimmed().isEmpty()
        || !resource.document->isModified())
        return false;
    if (m_editor->problem()) {
        m_editor->showProblem();
        return false;
    }
    sendPut(false);
    return true;
}

void ResourcePolicyDialog::sendPut(bool confirmRemoveSelfAccess)
{
    Resource &resource = current();
    resource.error.clear();
    resource.note.clear();
    QJsonObject request{{p("ResourceArn"), resource.arn},
                        {p("Policy"), policyText()},
                        {p("ExpectedRevisionId"), resource.hasPolicy ? resource.revision : p("NO_POLICY")}};
    if (confirmRemoveSelfAccess)
        request.insert(p("ConfirmRemoveSelfResourceAccess"), true);
    m_callConfirmed = confirmRemoveSelfAccess;
    start(Call::Put, p("PutResourcePolicy"), request);
}

bool ResourcePolicyDialog::deletePolicy()
{
    const Resource &resource = current();
    if (isBusy() || !resource.loaded || resource.readFailed || !resource.hasPolicy || !resource.conflict.isEmpty())
        return false;
    const QString text = m_target == Target::Table
                             ? tr("Delete the resource-based policy of table %1 (revision %2)? Whatever it allows or denies "
                                  "ends; the principals' own IAM policies alone decide again.")
                             : tr("Delete the resource-based policy of the stream of table %1 (revision %2)? Whatever it allows "
                                  "or denies ends; the principals' own IAM policies alone decide again.");
    confirm(this, QMessageBox::Warning, tr("Delete policy"), text.arg(m_table, resource.revision), p("confirmDeletePolicy"),
            [this, target = m_target] {
                Resource &r = current();
                if (isBusy() || m_target != target || !r.hasPolicy)
                    return;
                r.error.clear();
                r.note.clear();
                start(Call::Delete, p("DeleteResourcePolicy"),
                      QJsonObject{{p("ResourceArn"), r.arn}, {p("ExpectedRevisionId"), r.revision}});
            },
            tr("Delete"));
    return true;
}

bool ResourcePolicyDialog::format()
{
    return !isBusy() && m_editor->format();
}

QList<PolicyTemplate> ResourcePolicyDialog::templates() const
{
    if (current().arn.isEmpty())
        return {};
    return m_target == Target::Table ? tablePolicyTemplates(current().arn) : streamPolicyTemplates(current().arn);
}

bool ResourcePolicyDialog::insertTemplate(int index)
{
    if (isBusy() || !current().loaded || current().readFailed || index < 0 || index >= templates().size())
        return false;
    if (!m_editor->insertTemplate(index)) {
        current().error = tr("A template adds its statement to the policy's Statement list: make the text a JSON object first.");
        updateView();
        return false;
    }
    current().error.clear();
    updateView();
    return true;
}

void ResourcePolicyDialog::updateView()
{
    const Resource &resource = current();
    const bool busy = isBusy();
    const bool described = isDescribed();
    const QString text = resource.document->toPlainText();
    const bool blank = text.trimmed().isEmpty();
    const bool usable = described && resource.loaded && !resource.readFailed;
    const bool conflict = !resource.conflict.isEmpty();

    m_tableChoice->setEnabled(!busy && described);
    m_streamChoice->setEnabled(!busy && hasStream());
    m_streamChoice->setToolTip(!described || hasStream()
                                   ? tr("The policy of the table's stream, for its readers such as Lambda functions")
                                   : tr("Table %1 has no stream. Turn one on in Edit table… to give it a policy.").arg(m_table));
    m_arn->setText(resource.arn);

    QString status;
    switch (m_call) {
    case Call::Describe:
        status = tr("Reading table %1…").arg(m_table);
        break;
    case Call::Get:
        status = tr("Reading the policy…");
        break;
    case Call::Put:
        status = tr("Saving…");
        break;
    case Call::Delete:
        status = tr("Deleting…");
        break;
    case Call::None:
        if (!described)
            status = tr("Unknown: the table could not be read");
        else if (!resource.loaded)
            status = QString();
        else if (resource.readFailed)
            status = tr("Unknown: the policy could not be read");
        else if (!resource.hasPolicy)
            status = tr("No resource-based policy");
        else
            status = tr("Revision %1").arg(resource.revision);
        if (!status.isEmpty() && !resource.note.isEmpty())
            status = QStringLiteral("%1 — %2").arg(status, resource.note);
        else if (!status.isEmpty() && resource.loaded && resource.document->isModified())
            status = tr("%1 — edited, not saved").arg(status);
        break;
    }
    m_status->setText(status);
    QFont bold = m_status->font();
    bold.setBold(m_call == Call::None && resource.loaded && !resource.readFailed && !resource.hasPolicy);
    m_status->setFont(bold);
    m_busy->setVisible(busy);

    m_conflict->setText(resource.conflict);
    m_conflictBox->setVisible(conflict);
    m_error->setError(!described ? m_describeError : resource.error);

    m_editor->setEditable(!busy && usable);
    m_reload->setEnabled(!busy);
    m_delete->setEnabled(!busy && usable && resource.hasPolicy && !conflict);
    m_save->setEnabled(!busy && usable && !conflict && !blank && resource.document->isModified() && !m_editor->problem());
}

void ResourcePolicyDialog::reject()
{
    const bool unsaved = m_tableResource.document->isModified() || m_streamResource.document->isModified();
    if (!unsaved) {
        QDialog::reject();
        return;
    }
    confirm(this, QMessageBox::Question, tr("Resource policy"), tr("Close without saving your changes to the policy?"),
            p("confirmDiscardPolicy"), [this] { QDialog::reject(); }, tr("Discard"));
}

} // namespace dd::ui
