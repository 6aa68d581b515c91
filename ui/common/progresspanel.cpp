#include "common/progresspanel.h"

#include <QFutureWatcherBase>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace dd::ui {

ProgressPanel::ProgressPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("progressPanel"));
    m_title = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setTextVisible(true);
    m_cancel = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/cancel.svg")), tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_cancel);
    setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_watcher) {
            if (m_cancelFlag)
                m_cancelFlag->store(true);
            else
                m_watcher->cancel();
            m_cancel->setEnabled(false);
            m_title->setText(tr("Cancelling…"));
        }
    });
}

void ProgressPanel::track(QFutureWatcherBase *watcher, const QString &title, CancelFlag cancel)
{
    if (m_watcher)
        m_watcher->disconnect(this);
    m_watcher = watcher;
    m_cancelFlag = std::move(cancel);
    m_title->setText(title);
    m_bar->setRange(0, 0);
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
    setVisible(true);
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, this, [this](int min, int max) { m_bar->setRange(min, max); });
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this](int v) {
        m_bar->setValue(v);
        if (m_bar->maximum() == 0)
            m_bar->setFormat(tr("%Ln item(s)", nullptr, v));
        else
            m_bar->setFormat(QStringLiteral("%v / %m"));
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this] {
        setVisible(false);
        m_watcher->disconnect(this);
        m_watcher = nullptr;
        m_cancelFlag.reset();
    });
}

} // namespace dd::ui
