// A signal spy for an object that lives on another thread.
#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QList>
#include <QObject>
#include <QVariant>

namespace Umbra::Testing {

// QSignalSpy records a signal on the thread that emits it (a direct
// connection), so a spy on a store writer or a host session is appended to
// on their thread while the test reads it on its own: a data race that
// ThreadSanitizer rightly reports. This spy receives the signal the way the
// console's slots do, through a queued connection, so its list is only ever
// touched on the thread it lives on: the test's. What it has seen is what
// has arrived, so QTRY_* loops (which spin the event loop) see it grow.
class QueuedSignalSpy : public QObject, public QList<QVariantList>
{
public:
    template<typename Sender, typename Signal> QueuedSignalSpy(const Sender *sender, Signal signal)
    {
        connect(
            sender, signal, this,
            [this](const auto &...arguments) {
                append(QVariantList{ QVariant::fromValue(arguments)... });
            },
            Qt::QueuedConnection);
    }

    // Takes in every emission already on its way. Once the sender's thread
    // has finished, the spy then holds all that the sender ever emitted.
    void catchUp() { QCoreApplication::sendPostedEvents(this, QEvent::MetaCall); }
};

} // namespace Umbra::Testing
