#include "headlessoutput.h"

#include "migrate/libvirtlink.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <atomic>
#include <csignal>
#include <cstdio>

namespace Umbra::Headless {

namespace {

std::atomic<int> g_signals{ 0 };

void onSignal(int)
{
    g_signals.fetch_add(1);
}

} // namespace

void printJson(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void say(qint64 sinceMs, const QString &text)
{
    std::fprintf(stderr, "[%6.1fs] %s\n",
                 double(QDateTime::currentMSecsSinceEpoch() - sinceMs) / 1000.0,
                 qUtf8Printable(text));
    std::fflush(stderr);
}

void catchInterrupts()
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

bool interrupted()
{
    return g_signals.load() > 0;
}

Result<QString> hostRunning(const QStringList &uris, const QString &vm, const QString &except)
{
    if (uris.size() == 1)
        return uris.first();
    QStringList problems;
    for (const QString &uri : uris) {
        if (uri == except)
            continue;
        auto link = LibvirtLink::open(uri);
        if (!link) {
            problems.append(link.error());
            continue;
        }
        auto dom = link.value()->domain(vm);
        if (dom && dom->exists && dom->active)
            return uri;
    }
    return Error{ QCoreApplication::translate("Umbra::MigrateCommand",
                                              "%1 is not active on any of the --connect hosts%2")
                      .arg(vm,
                           problems.isEmpty() ? QString()
                                              : QStringLiteral(" (")
                                   + problems.join(QStringLiteral("; ")) + QLatin1Char(')')) };
}

} // namespace Umbra::Headless
