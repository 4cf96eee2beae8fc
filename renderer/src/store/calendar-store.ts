import { create } from "zustand";
import { persist } from "zustand/middleware";

export type CalendarMode = "day" | "week";
/** "all": every location side by side (the owner's view). */
export type LocationChoice = string | "all";

interface CalendarState {
  /** The shown date (a location calendar date); null follows today. */
  date: string | null;
  mode: CalendarMode;
  location: LocationChoice | null;
  showCancelled: boolean;
  /** Whose agenda "Mon planning" shows on this computer. */
  scheduleStaffId: string | null;
  setDate(date: string | null): void;
  setMode(mode: CalendarMode): void;
  setLocation(location: LocationChoice): void;
  setShowCancelled(show: boolean): void;
  setScheduleStaffId(id: string | null): void;
}

/** The calendar's view choices and the agenda's person, kept on this computer across restarts (not the date). */
export const useCalendarStore = create<CalendarState>()(
  persist(
    (set) => ({
      date: null,
      mode: "week",
      location: null,
      showCancelled: false,
      scheduleStaffId: null,
      setDate: (date) => set({ date }),
      setMode: (mode) => set({ mode }),
      setLocation: (location) => set({ location }),
      setShowCancelled: (showCancelled) => set({ showCancelled }),
      setScheduleStaffId: (scheduleStaffId) => set({ scheduleStaffId }),
    }),
    {
      name: "rsm.calendar",
      partialize: ({ mode, location, showCancelled, scheduleStaffId }) => ({ mode, location, showCancelled, scheduleStaffId }),
    },
  ),
);
