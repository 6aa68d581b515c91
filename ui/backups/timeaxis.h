// The ticks of the history timeline's time axis: a step from one second to a
// year chosen so that labels stand at least minSpacingPx apart, aligned to
// local time (whole minutes, hours, midnights, Mondays, month starts), with
// the date as a second line where it changes. A pure function; any thread.
#pragma once

#include <QList>
#include <QString>

namespace dd::ui {

struct AxisTick {
    double ms;     // the tick's time, ms since the epoch
    QString label; // "14:05:30", "14:05", "3 Mar", "Mar 2026" or "2026"
    QString date;  // a second line where the date changes (below a day's step); may be empty
};

// The ticks within [startMs, endMs) on an axis widthPx pixels wide.
QList<AxisTick> axisTicks(double startMs, double endMs, int widthPx, int minSpacingPx);

} // namespace dd::ui
