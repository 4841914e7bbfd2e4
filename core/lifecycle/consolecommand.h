#pragma once

#include "lifecycle/vmaction.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Umbra::Lifecycle {

// How to open a VM's screen: the graphical viewer on its SPICE or VNC
// display, or its serial console in a terminal. The viewer connects through
// the same libvirt URI as Umbra, so it needs no address or port of its own.
struct ConsoleCommand
{
    QString program; // empty when the VM cannot be shown
    QStringList arguments;
    QStringList programs; // the programs it runs, each with its package
    QString package; // the Debian package that brings `program`
    bool serial = false;
    QString problem; // why there is nothing to open
};

// From the VM's definition (its <graphics>, <serial> and <console>).
ConsoleCommand consoleCommandFromXml(const VmTarget &target, const QString &domainXml);
// Reads the definition through libvirt and decides; blocking (a worker).
ConsoleCommand consoleCommandFor(const VmTarget &target);
// "virt-viewer is not installed (Debian package virt-viewer)." when a
// program the command runs is not on the PATH; empty when all are.
QString missingConsoleProgram(const ConsoleCommand &command);

} // namespace Umbra::Lifecycle

Q_DECLARE_METATYPE(Umbra::Lifecycle::ConsoleCommand)
