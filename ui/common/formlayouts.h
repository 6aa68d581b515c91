// Form layouts that share one label column: a form whose rows hold another
// form (a stacked page spanning both columns) or forms one above another
// (group boxes of a dialog) start their fields at one x, instead of each
// label column taking its own longest label's width.
#pragma once

#include <QFormLayout>
#include <QWidget>

#include <algorithm>
#include <initializer_list>
#include <vector>

namespace dd::ui {

// Gives every label of `forms` the width of the widest (its size hint, in
// the current language). Call once the forms hold all their rows. The
// forms must have equal horizontal spacing and left margins for the fields
// to line up; nested ones with zero margins.
inline void alignLabelColumns(std::initializer_list<QFormLayout *> forms)
{
    std::vector<QWidget *> labels;
    int width = 0;
    for (QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            if (item && item->widget()) {
                labels.push_back(item->widget());
                width = std::max(width, item->widget()->sizeHint().width());
            }
        }
    }
    for (QWidget *label : labels)
        label->setMinimumWidth(width);
}

} // namespace dd::ui
