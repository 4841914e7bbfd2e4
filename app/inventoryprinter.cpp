#include "inventoryprinter.h"

#include "collect/inventoryreader.h"
#include "collect/libvirteventloop.h"
#include "fleet/hosturi.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QThread>
#include <QtConcurrent>

namespace Umbra::InventoryPrinter {

namespace {

QJsonObject vmToJson(const VmInfo &vm)
{
    QJsonArray disks;
    for (const DiskInfo &d : vm.disks)
        disks.append(QJsonObject{ { QStringLiteral("target"), d.target },
                                  { QStringLiteral("source"), d.source },
                                  { QStringLiteral("bus"), d.bus },
                                  { QStringLiteral("device"), d.device } });
    QJsonArray nics;
    for (const NicInfo &n : vm.nics)
        nics.append(QJsonObject{ { QStringLiteral("mac"), n.mac },
                                 { QStringLiteral("model"), n.model },
                                 { QStringLiteral("type"), n.type },
                                 { QStringLiteral("source"), n.source } });
    // State names in JSON are stable keywords, not translated text.
    static const char *const states[] = { "nostate",  "running", "blocked", "paused",
                                          "shutdown", "shutoff", "crashed", "pmsuspended" };
    return QJsonObject{ { QStringLiteral("name"), vm.name },
                        { QStringLiteral("uuid"), vm.uuid },
                        { QStringLiteral("state"), QLatin1String(states[int(vm.state)]) },
                        { QStringLiteral("vcpus"), vm.vcpus },
                        { QStringLiteral("memoryKiB"), qint64(vm.memoryKiB) },
                        { QStringLiteral("maxMemoryKiB"), qint64(vm.maxMemoryKiB) },
                        { QStringLiteral("persistent"), vm.persistent },
                        { QStringLiteral("disks"), disks },
                        { QStringLiteral("nics"), nics } };
}

QJsonObject readOne(const QString &uri)
{
    // A password given with the URI is of no use without an auth callback,
    // and is never printed.
    QJsonObject host{ { QStringLiteral("uri"), HostUri::withoutSecrets(uri) } };
    auto fail = [&](const QString &error) {
        host.insert(QStringLiteral("ok"), false);
        host.insert(QStringLiteral("error"), error);
        return host;
    };
    auto valid = HostUri::validate(uri);
    if (!valid)
        return fail(valid.error());

    // No auth callback: a host that wants credentials fails with libvirt's
    // message instead of waiting for a prompt nobody can answer.
    virConnectPtr connection = virConnectOpenAuth(valid.value().toUtf8().constData(), nullptr, 0);
    if (!connection)
        return fail(InventoryReader::lastLibvirtError());
    auto info = InventoryReader::readHost(connection, uri);
    auto vms = InventoryReader::readAllDomains(connection);
    virConnectClose(connection);
    if (!info)
        return fail(info.error());
    if (!vms)
        return fail(vms.error());

    host.insert(QStringLiteral("ok"), true);
    host.insert(QStringLiteral("hostname"), info->hostname);
    host.insert(QStringLiteral("hypervisor"), info->hypervisor);
    host.insert(QStringLiteral("cpuModel"), info->cpuModel);
    host.insert(QStringLiteral("cpus"), info->cpus);
    host.insert(QStringLiteral("mhz"), info->mhz);
    host.insert(QStringLiteral("memoryKiB"), qint64(info->memoryKiB));
    QJsonArray list;
    for (const VmInfo &vm : vms.value())
        list.append(vmToJson(vm));
    host.insert(QStringLiteral("vms"), list);
    return host;
}

} // namespace

QJsonObject collect(const QStringList &uris, int timeoutS)
{
    LibvirtEventLoop::ensureRunning();
    // Heap-allocated: its destructor would wait for a host that never answers.
    auto *pool = new QThreadPool;
    pool->setMaxThreadCount(std::max<int>(1, int(uris.size())));
    QList<QFuture<QJsonObject>> futures;
    for (const QString &uri : uris)
        futures.append(QtConcurrent::run(pool, readOne, uri));

    QDeadlineTimer deadline(qint64(timeoutS) * 1000);
    QJsonArray hosts;
    for (qsizetype i = 0; i < futures.size(); ++i) {
        while (!futures[i].isFinished() && !deadline.hasExpired())
            QThread::msleep(10);
        if (futures[i].isFinished()) {
            hosts.append(futures[i].result());
        } else {
            hosts.append(QJsonObject{
                { QStringLiteral("uri"), uris[i] },
                { QStringLiteral("ok"), false },
                { QStringLiteral("error"),
                  QCoreApplication::translate("main", "No answer within %1 s.").arg(timeoutS) } });
        }
    }
    const bool allFinished = std::all_of(futures.cbegin(), futures.cend(),
                                         [](const auto &future) { return future.isFinished(); });
    if (allFinished)
        delete pool;
    // Otherwise threads stuck in libvirt stay behind; the caller exits right away.
    return QJsonObject{ { QStringLiteral("hosts"), hosts } };
}

} // namespace Umbra::InventoryPrinter
