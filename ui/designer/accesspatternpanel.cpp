#include "designer/accesspatternpanel.h"

#include "designer/accesspatternrow.h"
#include "designer/patternresolution.h"

#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace dd::ui {

AccessPatternPanel::AccessPatternPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *intro = new QLabel(tr("The queries your application needs. Each shows the key or index that serves it."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_multiNote = new QLabel(this);
    m_multiNote->setObjectName(QStringLiteral("multiAttributeNote"));
    m_multiNote->setWordWrap(true);
    m_multiNote->setVisible(false);
    layout->addWidget(m_multiNote);

    auto *inner = new QWidget;
    auto *innerLayout = new QVBoxLayout(inner);
    innerLayout->setContentsMargins(0, 0, 0, 0);
    m_rowLayout = new QVBoxLayout;
    innerLayout->addLayout(m_rowLayout);
    innerLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);

    auto *bar = new QHBoxLayout;
    auto *add = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")), tr("Add access patter&n"), this);
    add->setObjectName(QStringLiteral("addAccessPattern"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("patternSummary"));
    bar->addWidget(add);
    bar->addWidget(m_summary, 1);
    layout->addLayout(bar);
    connect(add, &QPushButton::clicked, this, [this] { addPattern(); });
}

QList<AccessPattern> AccessPatternPanel::patterns() const
{
    QList<AccessPattern> out;
    for (const AccessPatternRow *row : m_rows)
        out << row->pattern();
    return out;
}

AccessPatternRow *AccessPatternPanel::addPattern()
{
    auto *row = new AccessPatternRow(this);
    m_rows << row;
    m_rowLayout->addWidget(row);
    row->setAttributes(m_attributes);
    connect(row, &AccessPatternRow::changed, this, [this] {
        resolve();
        emit changed();
    });
    connect(row, &AccessPatternRow::removeRequested, this, [this, row] {
        m_rows.removeOne(row);
        row->deleteLater();
        resolve();
        emit changed();
    });
    connect(row, &AccessPatternRow::addIndexRequested, this, &AccessPatternPanel::addIndexRequested);
    resolve();
    emit changed();
    return row;
}

void AccessPatternPanel::setPatterns(const QList<AccessPattern> &patterns)
{
    for (AccessPatternRow *row : m_rows)
        delete row;
    m_rows.clear();
    for (const AccessPattern &a : patterns) {
        AccessPatternRow *row = addPattern();
        row->blockSignals(true);
        row->setPattern(a);
        row->blockSignals(false);
    }
    resolve();
    emit changed();
}

void AccessPatternPanel::setDesign(const TableDesign &design, const QStringList &attributes)
{
    m_design = design;
    m_attributes = attributes;
    for (AccessPatternRow *row : m_rows)
        row->setAttributes(attributes);
    QStringList multi;
    for (const IndexDesign &ix : design.indexes)
        if (ix.global && ix.isMultiAttribute())
            multi << ix.name;
    m_multiNote->setText(multi.isEmpty() ? QString()
                                         : tr("Access patterns name one partition and one sort attribute: an index with a "
                                              "multi-attribute key (%1) serves one only when its partition key is that attribute "
                                              "alone and the pattern's sort attribute is its first. Query the others in the table browser.")
                                               .arg(multi.join(QLatin1String(", "))));
    m_multiNote->setVisible(!multi.isEmpty());
    resolve();
}

void AccessPatternPanel::resolve()
{
    int served = 0, unserved = 0;
    for (AccessPatternRow *row : m_rows) {
        const PatternResolution r = resolvePattern(m_design, row->pattern());
        row->showResolution(r);
        served += r.kind != PatternResolution::Kind::None && r.kind != PatternResolution::Kind::Incomplete;
        unserved += r.kind == PatternResolution::Kind::None;
    }
    m_summary->setText(m_rows.isEmpty() ? QString()
                                        : tr("%1 served, %2 not served").arg(served).arg(unserved));
}

} // namespace dd::ui
