"""The site settings a course needs, applied to the site generator's configuration (mkdocs.yml as loaded).

The configuration is taken as the mapping MkDocs gives (``theme``, ``extra``,
``extra_css``…); nothing here imports MkDocs.
"""

from __future__ import annotations

from . import assets


def apply_course_settings(config, *, offline: bool, shim: bool) -> bool:
    """Our stylesheet, scripts and polyfills; no web fonts; for ``offline`` (file://), no directory URLs
    and no instant navigation (it needs fetch). True when web fonts had to be turned off."""
    config["extra_css"].extend(assets.STYLESHEETS)
    config["extra_javascript"].extend(assets.SCRIPTS)
    theme = config["theme"]
    fonts = theme.get("font") is not False  # Material loads Google Fonts unless theme.font is false
    if fonts:
        theme["font"] = False
    config["extra"]["polyfills"] = assets.polyfills(config["extra"].get("polyfills", []), shim)
    if offline:
        config["use_directory_urls"] = False
        theme["features"] = [f for f in theme.get("features") or [] if not str(f).startswith("navigation.instant")]
    return fonts


def material_offline(plugins) -> bool:
    """Whether Material's offline plugin is on (it adds a CDN shim unless a local one is listed)."""
    plugin = plugins.get("material/offline") or plugins.get("offline")
    return bool(plugin and getattr(plugin, "config", {}).get("enabled", False))
