//! Where each pane goes. Shared by the views (to draw) and by the app (to
//! know page sizes and wrap width) so both always agree.

use ratatui::layout::Rect;

use super::app::Focus;

/// Below this width only the focused pane is shown.
pub const SPLIT_MIN_WIDTH: u16 = 72;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Option<Rect>,
}

/// Split the screen: panes on top, one status row at the bottom. Tiny
/// screens lose the panes first, then everything.
pub fn areas(area: Rect, focus: Focus) -> Areas {
    if area.width == 0 || area.height == 0 {
        return Areas::default();
    }
    let status = Rect { y: area.bottom() - 1, height: 1, ..area };
    if area.height < 3 {
        return Areas { status: Some(status), ..Areas::default() };
    }
    let main = Rect { height: area.height - 1, ..area };
    if main.width < SPLIT_MIN_WIDTH {
        return match focus {
            Focus::List => Areas { list: Some(main), reader: None, status: Some(status) },
            Focus::Reader => Areas { list: None, reader: Some(main), status: Some(status) },
        };
    }
    let list_w = (main.width * 2 / 5).clamp(30, 56);
    let list = Rect { width: list_w, ..main };
    let reader = Rect { x: main.x + list_w, width: main.width - list_w, ..main };
    Areas { list: Some(list), reader: Some(reader), status: Some(status) }
}

/// Inside the list pane's border.
pub fn list_inner(r: Rect) -> Rect {
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
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
