// Kindness Kiosk's dashboard extension (PocketBase UI extension; served
// as /_/extensions.js by internal/moderation/dashboard.go, which puts the
// KK settings object above this file). It makes the dashboard a good place
// to moderate, without changing what PocketBase does:
//   1. /_/ and a fresh sign-in open on the queue (awaiting_moderation),
//      oldest first, instead of the first collection in the sidebar;
//   2. on a first visit the queue is pinned at the top of the sidebar (the
//      admin can unpin it; we never pin again);
//   3. a row of the queue opens the note or story itself, editable, instead
//      of a read-only copy of the row;
//   4. the panel of a pending note or story starts with what the PHI guard
//      found, in words, and Approve / Reject buttons: one click each.
// Everything goes through PocketBase's own client (app.pb) and API rules.
// If a PocketBase upgrade renames what this hooks into, the dashboard
// simply works as it does without it.
(() => {
    "use strict";

    app.routes.fallbackPath = "#/collections?collection=" + KK.queue + "&sort=%2Bcreated";

    if (window.localStorage.getItem("pbPinnedCollections") === null) {
        window.localStorage.setItem("pbPinnedCollections", JSON.stringify(KK.pinned));
    }

    function hashQuery() {
        const h = window.location.hash;
        return new URLSearchParams(h.includes("?") ? h.slice(h.indexOf("?") + 1) : "");
    }

    // set when a queue row opens its note or story (3), read by (4)
    let opening = null;

    document.addEventListener("mount:recordPreviewModal", async (e) => {
        const q = hashQuery();
        if (q.get("collection") !== KK.queue || !q.get("record")) {
            return;
        }
        try {
            const row = await app.pb.collection(KK.queue).getOne(q.get("record"), { requestKey: null });
            const name = row.kind === "story" ? "stories" : "notes";
            const col = app.store.collections.find((c) => c.name === name);
            if (!col) {
                return;
            }
            opening = { collection: name, id: row.note || row.story, findings: row.findings };
            app.modals.close(e.detail, true);
            app.modals.openRecordUpsert(col, { id: opening.id, collectionId: col.id, collectionName: col.name });
        } catch (err) {
            console.warn("kindness: queue row", err);
        }
    });

    document.addEventListener("mount:recordUpsertModal", async (e) => {
        const modal = e.detail;
        let item = opening;
        opening = null;
        if (!item) {
            const q = hashQuery();
            if (!KK.decide[q.get("collection")] || !q.get("record")) {
                return;
            }
            item = { collection: q.get("collection"), id: q.get("record") };
        }
        try {
            const rec = await app.pb.collection(item.collection).getOne(item.id, { requestKey: null });
            if (rec.status !== "pending") {
                return;
            }
            if (item.findings === undefined) {
                const row = await app.pb.collection(KK.queue).getOne(item.id, { requestKey: null });
                item.findings = row.findings;
            }
        } catch (err) {
            console.warn("kindness: decision bar", err);
            return;
        }
        insertWhenReady(modal, decisionBar(item, modal));
    });

    // the panel's content is rendered just after the modal mounts
    function insertWhenReady(modal, bar, tries = 0) {
        const content = modal.querySelector(".modal-content");
        if (content) {
            content.prepend(bar);
        } else if (tries < 50 && modal.isConnected) {
            setTimeout(() => insertWhenReady(modal, bar, tries + 1), 20);
        }
    }

    function decisionBar(item, modal) {
        const words = KK.decide[item.collection];
        const bar = document.createElement("div");
        bar.className = "alert info kk-decide";
        bar.setAttribute("data-kk", "decide");
        bar.style.cssText = "display:flex;flex-wrap:wrap;align-items:center;gap:10px;margin-bottom:15px";

        const text = document.createElement("div");
        text.style.cssText = "flex:1 1 240px";
        const found = item.findings && item.findings !== "none" ? item.findings : "nothing";
        text.textContent = "Waiting for a decision. PHI guard found: " + found + ".";
        bar.appendChild(text);

        for (const [label, status, cls] of [["Approve", words.approve, "btn success"], ["Reject", words.reject, "btn danger secondary"]]) {
            const b = document.createElement("button");
            b.type = "button";
            b.className = cls;
            b.textContent = label;
            b.setAttribute("data-kk", label.toLowerCase());
            b.addEventListener("click", () => decide(item, status, label, modal, bar));
            bar.appendChild(b);
        }
        return bar;
    }

    async function decide(item, status, label, modal, bar) {
        const save = modal.querySelector(".modal-footer button[type=submit]");
        if (save && !save.disabled) {
            app.toasts.error("Save your edits first (Save changes, or Ctrl+S); then " + label.toLowerCase() + ".");
            return;
        }
        bar.querySelectorAll("button").forEach((b) => b.disabled = true);
        try {
            await app.pb.collection(item.collection).update(item.id, { status: status });
        } catch (err) {
            bar.querySelectorAll("button").forEach((b) => b.disabled = false);
            app.checkApiError?.(err);
            return;
        }
        // the queue is a view: tell its list the row is gone
        document.dispatchEvent(new CustomEvent("record:delete", {
            detail: { id: item.id, collectionId: KK.queueId, collectionName: KK.queue },
        }));
        app.toasts.success(label === "Approve" ? "Approved: it is on the screens now." : "Rejected: it will not be shown.");
        app.modals.close(modal, true);
    }
})();
