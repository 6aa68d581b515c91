// Reading every page of a Scan or Query from the start, for the exports:
// ExclusiveStartKey is followed until the result ends. Runs on the calling
// thread (a job already off the GUI thread).
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace dd::ui {

class Connection;

// Calls onPage with each page's Items. The request's Limit (the browser's
// page size) is dropped: whole 1 MB pages are faster here. Stops before the
// next page when canceled() is true (and returns true in *canceled).
// Returns the error of a failed call ("Type: message"), empty otherwise.
QString readAllPages(Connection *connection, const QString &operation, QJsonObject request,
                     const std::function<bool()> &canceled, const std::function<void(const QJsonArray &)> &onPage,
                     bool *wasCanceled);

} // namespace dd::ui
