"""The language of a run's findings, warnings and errors, and click's usage errors in Chinese.

Findings and errors may come before a command has read its options (a bad file found while
loading, a usage error), so the language is read from the command line itself: ``--lang``,
else bizenv.toml's ``lang``, else the locale (as ``options.messages``). It is worked out only
when something is to be said, so a clean run pays nothing for it.
"""

from __future__ import annotations

import re

import click

_argv: list[str] = []
_chosen: list[str] = []


def start(argv: list[str]) -> None:
    """The run's arguments (``sys.argv[1:]`` when click reads them itself)."""
    _argv[:] = argv
    _chosen.clear()


def given_lang(argv: list[str]) -> str | None:
    """``--lang zh`` or ``--lang=zh`` before ``--``; None when not given or not zh/en."""
    found: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found if found in ("zh", "en") else None


def run_lang() -> str:
    """zh or en: the language the run's findings, warnings and errors are printed in."""
    if not _chosen:
        given = given_lang(_argv)
        try:
            from bizenv_cli.cli.options import messages

            _chosen.append(messages(given).lang)
        except Exception:  # a broken bizenv.toml must not hide the error being reported
            _chosen.append(given or "en")
    return _chosen[0]


_CHOICE = re.compile(r"^(?P<value>.*) is not one of (?P<choices>.*)\.$", re.S)
_NEEDS_VALUE = re.compile(r"^Option '(?P<name>[^']*)' requires (an argument|\d+ arguments)\.$")
_EXTRA = re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$", re.S)


def zh_usage(exc: click.UsageError) -> str:
    """The usage error's message in Chinese, the common ones in full, others with the
    English detail in brackets."""
    from bizenv_cli.i18n.usage import usage_zh, value_zh
    from bizenv_cli.sanitize import message as printable

    if isinstance(exc, click.NoSuchOption):
        text = f"没有选项 {exc.option_name}"
        if exc.possibilities:
            text += f"（是否应为 {'、'.join(sorted(exc.possibilities))}？）"
        return printable(text)
    ctx = exc.ctx
    if isinstance(exc, click.MissingParameter):
        param = exc.param
        hint = exc.param_hint if isinstance(exc.param_hint, str) else None
        if hint is None and param is not None:
            hint = " / ".join(param.opts) if param.param_type_name == "option" else (
                (param.name or "").upper()
            )
        what = exc.param_type or (param.param_type_name if param else None)
        kind = "选项" if what == "option" else "参数"
        return printable(f"缺少{kind} {hint or ''}".rstrip())
    if isinstance(exc, click.BadParameter):
        hint = exc.param_hint if isinstance(exc.param_hint, str) else None
        if hint is None and exc.param is not None:
            hint = exc.param.get_error_hint(ctx) if ctx is not None else exc.param.name
        found = _CHOICE.match(exc.message)
        detail = (
            f"{found['value']} 不是可选值之一，可选：{found['choices'].replace(', ', '、')}"
            if found
            else value_zh(exc.message)
        )
        sep = "" if detail.startswith("（") else "："
        return printable(f"{hint or '参数'} 的值无效{sep}{detail}")
    needs = _NEEDS_VALUE.match(exc.message)
    if needs:
        return printable(f"选项 {needs['name']} 需要一个值")
    extra = _EXTRA.match(exc.message)
    if extra:
        return printable(f"多余的参数：{extra['args']}")
    command = re.match(r"^No such command (?P<name>.+)\.$", exc.message)
    if command:
        return printable(f"没有命令 {command['name']}")
    return printable(usage_zh(exc.message) or exc.message)


def show_usage_error(exc: click.UsageError) -> None:
    """``exc`` as click shows it, in Chinese under zh: the usage line, where to find help,
    then ``用法错误：...``."""
    if run_lang() != "zh" or isinstance(exc, click.exceptions.NoArgsIsHelpError):
        exc.show()
        return
    ctx = exc.ctx
    if ctx is not None:
        click.echo(ctx.get_usage().replace("Usage: ", "用法：", 1), err=True)
        if ctx.command.get_help_option(ctx) is not None:
            click.echo(f"运行 {ctx.command_path} {ctx.help_option_names[0]} 查看帮助。", err=True)
        click.echo("", err=True)
    click.echo(f"用法错误：{zh_usage(exc)}", err=True)
