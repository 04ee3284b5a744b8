#!/usr/bin/python3
"""A WebKitGTK browser for WebKitWebDriver with a persistent profile.

MiniBrowser under --automation always uses an ephemeral (private) data store, which refuses
Blobs in IndexedDB. This one keeps its data in a fresh temporary directory (removed on exit),
so IndexedDB, the service worker and a reload behave as in a normal Safari window.

Downloads go to $WEBKIT_DOWNLOADS (without it WebKit saves into $HOME, overwriting same-named
files): each is written as NAME.part and renamed to NAME when complete, so a watcher that sees
NAME sees the whole file.

WebKitWebDriver passes the arguments from `webkitgtk:browserOptions.args` (here: --automation)
and the inspector address in the environment. Run with Debian's python3 (python3-gi,
gir1.2-webkit2-4.1).
"""

import os
import shutil
import signal
import sys
import tempfile

import gi

gi.require_version('Gtk', '3.0')
gi.require_version('WebKit2', '4.1')
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

WIDTH, HEIGHT = 1280, 860

profile = tempfile.mkdtemp(prefix='lhs-webkit-profile-')
downloads = os.environ.get('WEBKIT_DOWNLOADS') or tempfile.mkdtemp(prefix='lhs-webkit-downloads-')
windows = []


def quit_browser(*_args):
    Gtk.main_quit()
    return GLib.SOURCE_REMOVE


def on_decide_destination(download, suggested):
    name = os.path.basename(suggested or 'download')
    download.set_allow_overwrite(True)
    download.set_destination(GLib.filename_to_uri(os.path.join(downloads, name + '.part'), None))
    return True


def on_download_finished(download):
    part = GLib.filename_from_uri(download.get_destination())[0]
    if part.endswith('.part') and os.path.exists(part):
        os.replace(part, part[: -len('.part')])


def on_download_failed(download, error):
    print(f'browser.py: download failed: {error.message}', file=sys.stderr)


def on_download_started(_context, download):
    download.connect('decide-destination', on_decide_destination)
    download.connect('finished', on_download_finished)
    download.connect('failed', on_download_failed)


def on_view_close(view):
    window = view.get_toplevel()
    if window in windows:
        windows.remove(window)
    window.destroy()
    if not windows:
        quit_browser()


def create_web_view(_session):
    view = WebKit2.WebView(web_context=context, is_controlled_by_automation=True)
    window = Gtk.Window(title='LIVE Highlights Studio (WebKit tests)')
    window.set_default_size(WIDTH, HEIGHT)
    window.add(view)
    view.connect('close', on_view_close)
    windows.append(window)
    window.show_all()
    return view


def on_automation_started(_context, session):
    info = WebKit2.ApplicationInfo()
    info.set_name('lhs-webkit-browser')
    info.set_version(1, 0, 0)
    session.set_application_info(info)
    session.connect('create-web-view', create_web_view)


manager = WebKit2.WebsiteDataManager(
    base_data_directory=os.path.join(profile, 'data'),
    base_cache_directory=os.path.join(profile, 'cache'),
)
context = WebKit2.WebContext(website_data_manager=manager)
context.set_automation_allowed('--automation' in sys.argv[1:])
context.connect('automation-started', on_automation_started)
context.connect('download-started', on_download_started)

for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, quit_browser)

try:
    Gtk.main()
finally:
    shutil.rmtree(profile, ignore_errors=True)
