#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace stable {

// Where "now" comes from. Tests and the demo generator set a fixed or stepping clock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

// A clock that stands still until told to move.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime at) : m_at(std::move(at)) {}
    QDateTime now() const override { return m_at; }
    void set(QDateTime at) { m_at = std::move(at); }
    void advance(qint64 seconds) { m_at = m_at.addSecs(seconds); }

private:
    QDateTime m_at;
};

// The stored form of a moment: UTC, seconds, "2026-03-01T10:00:00Z".
QString isoUtc(const QDateTime& moment);

// Reads ISO 8601 with a zone ("…Z", "…+02:00") or a date alone (midnight UTC); nullopt if not one.
std::optional<QDateTime> parseIsoMoment(const QString& text);

// "YYYY-MM-DD" and "YYYY-MM", strictly.
std::optional<QDate> parseIsoDate(const QString& text);
bool isIsoMonth(const QString& text);

} // namespace stable
