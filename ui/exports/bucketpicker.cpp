#include "exports/bucketpicker.h"

#include "common/errorlabel.h"
#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace dd::ui {

BucketPicker::BucketPicker(Connection *connection, QWidget *parent) : QWidget(parent), m_connection(connection)
{
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("bucketCombo"));
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->setMinimumContentsLength(24);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->lineEdit()->setPlaceholderText(tr("Bucket name, e.g. my-exports"));
    setFocusProxy(m_combo); // the form's "S3 bucket:" label is the picker's buddy
    m_new = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")), tr("&New bucket…"), this);
    m_new->setObjectName(QStringLiteral("newBucket"));
    m_new->setAutoDefault(false);
    m_new->setToolTip(tr("Creates a local bucket: a folder in the folder of the local buckets"));
    m_new->setVisible(false);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("bucketError"));

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_combo, 1);
    row->addWidget(m_new);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_error);

    connect(m_combo, &QComboBox::editTextChanged, this, [this] { emit bucketChanged(bucket()); });
    connect(m_new, &QPushButton::clicked, this, &BucketPicker::askNewBucket);
    connect(&m_list, &QFutureWatcher<client::ApiResponse>::finished, this, &BucketPicker::onListed);
    connect(&m_create, &QFutureWatcher<client::ApiResponse>::finished, this, &BucketPicker::onCreated);
    refresh();
}

BucketPicker::~BucketPicker()
{
    stopWatcher(m_list);
    // A bucket the user asked for is made even if the dialog closes first.
    letFinish(m_create);
}

bool BucketPicker::isOnThisMachine(const Connection *connection)
{
    if (connection->engine())
        return true;
    if (connection->settings().kind != ConnectionSettings::Kind::Endpoint)
        return false;
    const QString host = QUrl(connection->settings().url).host();
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
}

void BucketPicker::refresh()
{
    if (m_list.isRunning())
        return;
    m_list.setFuture(m_connection->call(QStringLiteral("Dynamodesk.ListLocalBuckets"), QJsonObject()));
}

void BucketPicker::onListed()
{
    const client::ApiResponse r = m_list.result();
    // Not local (AWS, another endpoint): the field stays free text, without a word of error.
    m_local = r.ok();
    m_folder = r.ok() ? r.body.value(QStringLiteral("Folder")).toString() : QString();
    m_new->setVisible(m_local);
    if (m_local) {
        QStringList names;
        for (const auto &v : r.body.value(QStringLiteral("Buckets")).toArray())
            names << v.toString();
        const QString typed = m_select.isEmpty() ? bucket() : m_select;
        m_select.clear();
        const QSignalBlocker block(m_combo);
        m_combo->clear();
        m_combo->addItems(names);
        m_combo->setCurrentText(typed.isEmpty() ? names.value(0) : typed);
        m_combo->setToolTip(tr("The local buckets: the folders of %1").arg(m_folder));
    }
    emit bucketChanged(bucket());
    emit listed();
}

bool BucketPicker::createBucket(const QString &name)
{
    const QString bucketName = name.trimmed();
    if (!m_local || m_create.isRunning() || bucketName.isEmpty())
        return false;
    m_error->setError(QString());
    m_new->setEnabled(false);
    m_create.setFuture(m_connection->call(QStringLiteral("Dynamodesk.CreateLocalBucket"),
                                          QJsonObject{{QStringLiteral("BucketName"), bucketName}}));
    m_select = bucketName;
    return true;
}

void BucketPicker::onCreated()
{
    const client::ApiResponse r = m_create.result();
    m_new->setEnabled(true);
    if (!r.ok()) {
        m_select.clear();
        m_error->setError(tr("Cannot create the bucket: %1").arg(ui::errorText(r)));
        return;
    }
    emit bucketCreated(m_select);
    if (m_list.isRunning()) {
        // The listing under way may predate the bucket: list once more after it.
        connect(&m_list, &QFutureWatcher<client::ApiResponse>::finished, this, &BucketPicker::refresh, Qt::SingleShotConnection);
        return;
    }
    refresh();
}

void BucketPicker::askNewBucket()
{
    if (!m_local)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("newBucketDialog"));
    dialog->setWindowTitle(tr("New bucket"));
    dialog->setLabelText(tr("Name of the new local bucket (3 to 63 characters: lower-case letters, digits, dots and hyphens):"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) { createBucket(name); });
    dialog->open();
}

QString BucketPicker::bucket() const
{
    return m_combo->currentText().trimmed();
}

void BucketPicker::setBucket(const QString &bucket)
{
    m_combo->setCurrentText(bucket);
}

bool BucketPicker::isListing() const
{
    return m_list.isRunning();
}

QString BucketPicker::localFolder() const
{
    return m_local && isOnThisMachine(m_connection) ? m_folder : QString();
}

QStringList BucketPicker::buckets() const
{
    QStringList out;
    if (m_local)
        for (int i = 0; i < m_combo->count(); ++i)
            out << m_combo->itemText(i);
    return out;
}

QString BucketPicker::errorText() const
{
    return m_error->text();
}

} // namespace dd::ui
