#include "dax/daxtablewindow.h"

#include "browser/tablebrowser.h"
#include "connections/connection.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace dd::ui {

DaxTableWindow::DaxTableWindow(std::unique_ptr<Connection> connection, const QString &table, QWidget *parent)
    : QWidget(parent, Qt::Window), m_connection(std::move(connection))
{
    setObjectName(QStringLiteral("daxTableWindow"));
    const QString cluster = m_connection->daxCluster();
    setWindowTitle(tr("%1 through DAX cluster %2 — %3").arg(table, cluster, m_connection->displayName()));
    setWindowIcon(QIcon(QStringLiteral(":/dynamodesk/icons/table.svg")));

    auto *banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("daxBanner"));
    banner->setFrameShape(QFrame::StyledPanel);
    auto *text = new QLabel(tr("Items are read and written through DAX cluster %1. Its item and query caches answer eventually "
                               "consistent reads, so a change made around the cluster (in the main window, or by another program) "
                               "shows here only when its TTL ends; writes made here go through the cluster and are seen at once by "
                               "GetItem, but not by a Scan or Query it has cached. Tick Consistent read to read the table itself.")
                                .arg(cluster),
                            banner);
    text->setObjectName(QStringLiteral("daxBannerText"));
    text->setWordWrap(true);
    auto *icon = new QLabel(banner);
    icon->setPixmap(QIcon(QStringLiteral(":/dynamodesk/icons/cache.svg")).pixmap(24, 24));
    icon->setAlignment(Qt::AlignTop);
    auto *bannerLayout = new QHBoxLayout(banner);
    bannerLayout->addWidget(icon);
    bannerLayout->addWidget(text, 1);

    m_browser = new TableBrowser(m_connection.get(), table, this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("daxTableStatus"));
    connect(m_browser, &TableBrowser::statusMessage, m_status, &QLabel::setText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(banner);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_status);
    resize(1100, 680);
    m_browser->view()->setFocus();
}

DaxTableWindow::~DaxTableWindow()
{
    delete m_browser; // its jobs use the connection, which outlives them
    m_browser = nullptr;
    Connection::retire(std::move(m_connection));
}

QString DaxTableWindow::cluster() const
{
    return m_connection->daxCluster();
}

QString DaxTableWindow::tableName() const
{
    return m_browser->tableName();
}

} // namespace dd::ui
