//! Where each pane goes. Shared by the views (to draw) and by the app (to
//! know page sizes and wrap width) so both always agree.

use ratatui::layout::Rect;

use super::focus::Focus;

/// Below this width only the focused pane is shown.
pub const SPLIT_MIN_WIDTH: u16 = 72;

/// From this width the entity panel gets a column of its own, right of the
/// reader; below it, it takes the list's place.
pub const THREE_MIN_WIDTH: u16 = 150;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub entities: Option<Rect>,
    pub status: Option<Rect>,
}

/// Split the screen: panes on top, one status row at the bottom. Tiny
/// screens lose the panes first, then everything. With the entity `panel`
/// open on a screen too narrow for three columns, the left pane shows the
/// panel, or the list while the list has focus.
pub fn areas(area: Rect, focus: Focus, panel: bool) -> Areas {
    if area.width == 0 || area.height == 0 {
        return Areas::default();
    }
    let status = Rect { y: area.bottom() - 1, height: 1, ..area };
    if area.height < 3 {
        return Areas { status: Some(status), ..Areas::default() };
    }
    let main = Rect { height: area.height - 1, ..area };
    let mut out = Areas { status: Some(status), ..Areas::default() };
    if main.width < SPLIT_MIN_WIDTH {
        match focus {
            Focus::List => out.list = Some(main),
            Focus::Reader => out.reader = Some(main),
            Focus::Entities => out.entities = Some(main),
        }
        return out;
    }
    let list_w = (main.width * 2 / 5).clamp(30, 56);
    let left = Rect { width: list_w, ..main };
    let mut reader = Rect { x: main.x + list_w, width: main.width - list_w, ..main };
    if panel && main.width >= THREE_MIN_WIDTH {
        let panel_w = (main.width / 4).clamp(32, 48);
        reader.width -= panel_w;
        out.entities = Some(Rect { x: reader.right(), width: panel_w, ..main });
        out.list = Some(left);
    } else if panel && focus != Focus::List {
        out.entities = Some(left);
    } else {
        out.list = Some(left);
    }
    out.reader = Some(reader);
    out
}

/// Inside the list pane's border.
pub fn list_inner(r: Rect) -> Rect {
    shrink(r, 1, 1)
}

/// Inside the entity panel's border.
pub fn entities_inner(r: Rect) -> Rect {
    shrink(r, 1, 1)
}

/// Inside the reader pane's border, with a column of air each side.
pub fn reader_inner(r: Rect) -> Rect {
    shrink(r, 2, 1)
}

fn shrink(r: Rect, dx: u16, dy: u16) -> Rect {
    let width = r.width.saturating_sub(2 * dx);
    let height = r.height.saturating_sub(2 * dy);
    if width == 0 || height == 0 {
        return Rect { x: r.x, y: r.y, width: 0, height: 0 };
    }
    Rect { x: r.x + dx, y: r.y + dy, width, height }
}

/// The help popup: centred, at most 64×(lines), never off screen.
pub fn help_popup(area: Rect, lines: usize) -> Rect {
    let width = area.width.min(64);
    let want = u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(2);
    let height = area.height.saturating_sub(2).min(want).max(area.height.min(3));
    centred(area, width, height)
}

/// The warnings popup: centred, at most 100×(lines), never off screen
/// (paths are long; the help's 64 columns would cut most).
pub fn warnings_popup(area: Rect, lines: usize) -> Rect {
    let width = area.width.min(100);
    let want = u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(2);
    let height = area.height.saturating_sub(2).min(want).max(area.height.min(3));
    centred(area, width, height)
}

/// The entity finder: centred, up to 76 columns and 22 rows, never off
/// screen.
pub fn finder_popup(area: Rect) -> Rect {
    let width = area.width.min(76);
    let height = area.height.saturating_sub(2).clamp(area.height.min(3), 22);
    centred(area, width, height)
}

/// The comparison view: the screen above the status line, when the
/// screen has room for the panes at all (as [`areas`] decides).
pub fn compare_frame(area: Rect) -> Option<Rect> {
    (area.width > 0 && area.height >= 3).then(|| Rect { height: area.height - 1, ..area })
}

/// The story picker: centred, up to 84 columns, two rows per story (and
/// the border and the line of what is typed), never off screen.
pub fn stories_popup(area: Rect, stories: usize) -> Rect {
    let width = area.width.min(84);
    let want = u16::try_from(stories.saturating_mul(2)).unwrap_or(u16::MAX).saturating_add(3);
    let height = area.height.saturating_sub(2).min(want).max(area.height.min(4));
    centred(area, width, height)
}

/// A `width`×`height` rectangle in the middle of `area` (both no larger than it).
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Rows the finder has for its hits: inside the border, under the query
/// line, above the aliases of the selected entity (when there is room).
pub fn finder_hit_rows(popup: Rect) -> usize {
    let inner = popup.height.saturating_sub(2);
    let below = if inner >= 10 { FINDER_ALIAS_ROWS + 1 } else { 0 };
    usize::from(inner.saturating_sub(1 + below))
}

/// Rows kept for the selected entity's aliases (and a gap above them).
pub const FINDER_ALIAS_ROWS: u16 = 3;
