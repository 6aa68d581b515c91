// Colours derived from a widget's palette, so that they read on light and
// dark palettes alike and follow the user's highlight colour: a tint lays a
// little of a hue over the base, for cells whose text stays the palette's
// Text; a mark pulls a hue toward the text colour, for text on the base or
// window, so it comes out dark on a light palette and light on a dark one.
// Pure functions; safe from any thread.
#pragma once

#include <QColor>
#include <QPalette>

#include <algorithm>

namespace dd::ui::colours {

// `from` moved toward `to` by `amount` (0: from, 1: to), channel by channel.
inline QColor blend(const QColor &from, const QColor &to, double amount)
{
    const auto mix = [amount](double a, double b) { return a + (b - a) * amount; };
    return QColor::fromRgbF(float(mix(from.redF(), to.redF())), float(mix(from.greenF(), to.greenF())),
                            float(mix(from.blueF(), to.blueF())));
}

// The palette's highlight turned to `hue` (0-359): its saturation and value
// read on its base; a grey highlight still gives a visible colour.
inline QColor highlightHue(const QPalette &palette, int hue)
{
    const QColor h = palette.color(QPalette::Highlight);
    return QColor::fromHsv(hue, std::max(h.hsvSaturation(), 120), std::max(h.value(), 170));
}

// The background of partition key columns: the highlight over the base.
inline QColor partitionKeyTint(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.25);
}

// The background of sort key columns: the highlight turned green over the base.
inline QColor sortKeyTint(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), highlightHue(palette, 140), 0.25);
}

// Text that reports success (green) or failure (red), about 5:1 or more
// against the base of Qt's light and dark palettes.
inline QColor successText(const QPalette &palette)
{
    return blend(highlightHue(palette, 130), palette.color(QPalette::Text), 0.35);
}

inline QColor failureText(const QPalette &palette)
{
    return blend(highlightHue(palette, 0), palette.color(QPalette::Text), 0.35);
}

// failureText() at `alpha` (0-255): a wash laid over the base under the
// text, for the background of a line or span that is wrong.
inline QColor failureWash(const QPalette &palette, int alpha)
{
    QColor c = failureText(palette);
    c.setAlpha(alpha);
    return c;
}

} // namespace dd::ui::colours
