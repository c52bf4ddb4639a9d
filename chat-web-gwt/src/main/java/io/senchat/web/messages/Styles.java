package io.senchat.web.messages;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLElement;

/**
 * The list's CSS, injected once from Java so the view needs no stylesheet link from the host page. The list has
 * no padding of its own (rows carry it): the windowing math takes row offsets as scroll offsets.
 */
final class Styles {

  static final String ID = "senchat-messages-css";

  private static final String CSS = """
      #message-list{position:relative;overflow-y:auto;overflow-x:hidden;overflow-anchor:none;height:100%;
        min-height:0;padding:0!important;flex:1 1 0%;box-sizing:border-box;background:var(--bg-alt,#eef0f1);
        color:var(--text,#081c36);font:14px/20px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;outline:none}
      #message-list .msg-rows{position:relative}
      #message-list .msg-row{position:relative;display:flex;flex-direction:column;align-items:flex-start;
        padding:1px 16px;box-sizing:border-box;outline:none}
      #message-list .msg-row.msg-own{align-items:flex-end}
      #message-list .msg-row.msg-group-end{padding-bottom:6px}
      #message-list .msg-row:focus-visible,#message-list .msg-row:focus{
        box-shadow:inset 0 0 0 2px var(--blue,#0068ff)}
      #message-list .msg-day{align-self:center;margin:8px 0;padding:2px 10px;border-radius:10px;
        background:var(--bg-hover,#d7dbe0);color:var(--text-muted,#44546f);font-size:12px}
      #message-list .msg-unread{align-self:stretch;margin:6px 0;text-align:center;color:var(--danger,#d93025);
        font-size:12px;border-top:1px solid var(--danger,#f3b8b3);line-height:22px}
      #message-list .msg-sender{font-size:12px;color:var(--text-muted,#5a6981);margin:4px 8px 1px}
      #message-list .msg-bubble{max-width:min(70%,560px);min-width:48px;background:var(--bubble-in,#fff);
        border-radius:12px;padding:6px 10px 4px;box-shadow:0 1px 1px rgba(0,0,0,.08);overflow-wrap:anywhere;
        box-sizing:border-box}
      #message-list .msg-own .msg-bubble{background:var(--bubble-out,#dbebff)}
      #message-list .msg-system .msg-bubble{align-self:center;background:transparent;box-shadow:none;
        color:var(--text-muted,#5a6981);font-size:12px;text-align:center}
      #message-list .msg-text{white-space:pre-wrap}
      #message-list .msg-deleted{font-style:italic;color:var(--text-muted,#7a869a)}
      #message-list .msg-code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;
        background:rgba(0,0,0,.06);padding:0 3px;border-radius:4px}
      #message-list .msg-link{color:var(--blue,#0068ff);text-decoration:underline}
      #message-list .msg-mention{color:var(--blue,#0068ff);font-weight:600}
      #message-list .msg-attachment{display:block;margin:2px 0 4px;color:var(--blue,#0068ff)}
      #message-list .msg-reply{display:block;border-left:3px solid var(--blue,#0068ff);padding:2px 8px;
        margin:2px 0 4px;background:rgba(0,104,255,.06);border-radius:4px;cursor:pointer;font-size:12px;
        line-height:16px;max-height:34px;overflow:hidden}
      #message-list .msg-reply-sender{display:block;font-weight:600}
      #message-list .msg-reply-text{display:block;color:var(--text-muted,#44546f);white-space:nowrap;
        overflow:hidden;text-overflow:ellipsis}
      #message-list .msg-meta{display:flex;gap:4px;justify-content:flex-end;align-items:center;font-size:11px;
        line-height:16px;color:var(--text-muted,#7a869a)}
      #message-list .msg-status[data-s=read]{color:var(--blue,#0068ff);font-weight:700}
      #message-list .msg-status[data-s=failed]{color:var(--danger,#d93025)}
      #message-list .msg-retry{border:0;background:none;color:var(--danger,#d93025);text-decoration:underline;
        cursor:pointer;font:inherit;padding:0 2px}
      #message-list .msg-reactions{display:flex;flex-wrap:wrap;gap:4px;max-width:min(70%,560px);margin:2px 4px 0}
      #message-list .msg-chip{border:1px solid var(--border,#d0d5dd);background:var(--panel,#fff);color:inherit;
        border-radius:10px;font-size:12px;line-height:18px;padding:0 6px;cursor:pointer}
      #message-list .msg-chip.msg-mine{border-color:var(--blue,#0068ff);background:var(--blue-soft,#dbebff)}
      #message-list .msg-actions{position:absolute;top:2px;right:16px;display:flex;gap:2px;padding:2px;
        background:var(--panel,#fff);border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.2);opacity:0;
        z-index:2}
      #message-list .msg-own .msg-actions{right:auto;left:16px}
      #message-list .msg-row:hover .msg-actions,
      #message-list .msg-row:focus-within .msg-actions, #message-list .msg-row.msg-menu-open .msg-actions{opacity:1}
      #message-list .msg-action{border:0;background:none;border-radius:6px;min-width:28px;height:26px;
        cursor:pointer;font-size:14px;color:var(--text-muted,#44546f)}
      #message-list .msg-action:hover,#message-list .msg-action:focus{background:var(--bg-hover,#eef0f1);
        outline:none}
      #message-list .msg-popover{position:absolute;top:32px;right:16px;z-index:3;display:flex;flex-wrap:wrap;
        gap:2px;max-width:330px;max-height:220px;overflow:auto;padding:4px;background:var(--panel,#fff);
        border-radius:10px;box-shadow:0 2px 10px rgba(0,0,0,.25)}
      #message-list .msg-own .msg-popover{right:auto;left:16px}
      #message-list .msg-popover button{border:0;background:none;font-size:20px;width:34px;height:34px;
        border-radius:8px;cursor:pointer}
      #message-list .msg-popover button:hover,#message-list .msg-popover button:focus{
        background:var(--bg-hover,#eef0f1);outline:none}
      #message-list .msg-popover .msg-more{font-size:14px;width:auto;padding:0 8px}
      #message-list .msg-editor{display:block;width:100%;min-width:220px;box-sizing:border-box;font:inherit;
        resize:vertical;border:1px solid var(--blue,#0068ff);border-radius:6px;padding:4px;
        background:var(--panel,#fff);color:inherit}
      #message-list .msg-edit-hint{font-size:11px;color:var(--text-muted,#7a869a)}
      #message-list .msg-highlight .msg-bubble{animation:msg-flash 1.6s ease-out}
      @keyframes msg-flash{0%{box-shadow:0 0 0 3px #ffb400}100%{box-shadow:0 1px 1px rgba(0,0,0,.08)}}
      #message-list .msg-loading{position:sticky;top:0;height:0;z-index:4;text-align:center}
      #message-list .msg-loading span{display:inline-block;margin-top:6px;padding:2px 10px;border-radius:10px;
        background:var(--panel,#fff);font-size:12px;box-shadow:0 1px 3px rgba(0,0,0,.2)}
      #message-list .msg-latest{position:sticky;bottom:0;height:0;z-index:4}
      #message-list .msg-to-latest{position:absolute;right:20px;bottom:14px;width:36px;height:36px;
        border-radius:18px;border:0;background:var(--panel,#fff);color:var(--blue,#0068ff);font-size:18px;
        box-shadow:0 1px 4px rgba(0,0,0,.3);cursor:pointer}
      #message-list .msg-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
        white-space:nowrap}
      """;

  private Styles() {
  }

  static void inject() {
    if (DomGlobal.document.getElementById(ID) != null) {
      return;
    }
    HTMLElement style = Dom.el("style", null);
    style.id = ID;
    style.textContent = CSS;
    DomGlobal.document.head.appendChild(style);
  }
}
