import { z } from "zod";
import {
  byId, clientInput, contractSourceInput, createContractInput, createInvoiceFromBookingsInput, createInvoiceInput, createQuoteInput,
  documentProfileInput, listInvoicesInput, recordInvoicePaymentInput, sendDocumentInput, serviceItemFields, signContractInput, templateFields,
  updateContractInput, updateInvoiceInput, updateQuoteInput, updateServiceItemInput, updateTemplateInput, voidInvoiceInput,
} from "../../../../shared/documents/document-inputs";
import { creditNoteLinesInput } from "../../../../shared/documents/credit-selection";
import { listPaymentsInput, recordBookingPaymentInput } from "../../../../shared/documents/payment-inputs";
import { can } from "../../../../shared/permissions/access";
import { idSchema } from "../../../../shared/schemas/common";
import type { StudioCore } from "../../studio-core";
import { router, studioProcedure } from "../trpc";

const listInput = z.object({ includeArchived: z.boolean().optional() }).optional();
const byClient = z.object({ clientId: idSchema.optional() }).optional();
/** finance.view at a location, for the acting person (the local owner without an account). */
const seesMoney = (core: StudioCore) => {
  const subject = core.access.subject();
  const now = core.clock.boundedNow();
  return (locationId: string | null) => can(subject, "finance.view", { locationId, now });
};

/** Contracts, quotes, invoices, payments, the catalogue, templates, legal details and mail: what the documents screens call. */
export const documentsProcedures = router({
  profile: router({
    get: studioProcedure.query(({ ctx }) => ctx.core.documents.settings.profile()),
    update: studioProcedure.input(documentProfileInput).mutation(({ ctx, input }) => ctx.core.documents.settings.updateProfile(input)),
  }),
  serviceItems: router({
    list: studioProcedure.input(listInput).query(({ ctx, input }) => ctx.core.documents.settings.serviceItems(input?.includeArchived)),
    create: studioProcedure.input(serviceItemFields).mutation(({ ctx, input }) => ctx.core.documents.settings.createServiceItem(input)),
    update: studioProcedure.input(updateServiceItemInput).mutation(({ ctx, input }) => ctx.core.documents.settings.updateServiceItem(input)),
    archive: studioProcedure.input(byId).mutation(({ ctx, input }) => ctx.core.documents.settings.archiveServiceItem(input.id)),
  }),
  templates: router({
    list: studioProcedure.input(listInput).query(({ ctx, input }) => ctx.core.documents.settings.templates(input?.includeArchived)),
    get: studioProcedure.input(byId).query(({ ctx, input }) => ctx.core.documents.settings.template(input.id)),
    create: studioProcedure.input(templateFields).mutation(({ ctx, input }) => ctx.core.documents.settings.createTemplate(input)),
    update: studioProcedure.input(updateTemplateInput).mutation(({ ctx, input }) => ctx.core.documents.settings.updateTemplate(input)),
    archive: studioProcedure.input(byId).mutation(({ ctx, input }) => ctx.core.documents.settings.archiveTemplate(input.id)),
  }),
  contracts: router({
    list: studioProcedure.input(byClient).query(({ ctx, input }) => ctx.core.documents.contracts.list(input?.clientId)),
    get: studioProcedure.input(byId).query(({ ctx, input }) => ctx.core.documents.contracts.get(input.id)),
    preview: studioProcedure.input(contractSourceInput).query(({ ctx, input }) => {
      const p = ctx.core.documents.contracts.preview(input);
      return { title: p.title, body: p.body, unknownFields: p.unknownFields };
    }),
    create: studioProcedure.input(createContractInput).mutation(({ ctx, input }) => ctx.core.documents.contracts.create(input)),
    update: studioProcedure.input(updateContractInput).mutation(({ ctx, input }) => ctx.core.documents.contracts.update(input)),
    send: studioProcedure.input(byId).mutation(({ ctx, input }) => ctx.core.documents.contracts.send(input.id)),
    sign: studioProcedure.input(signContractInput).mutation(({ ctx, input }) => ctx.core.documents.contracts.sign(input)),
    countersign: studioProcedure.input(signContractInput).mutation(({ ctx, input }) => ctx.core.documents.contracts.countersign(input)),
    void: studioProcedure.input(byId).mutation(({ ctx, input }) => ctx.core.documents.contracts.void(input.id)),
    verify: studioProcedure.input(byId).query(({ ctx, input }) => ctx.core.documents.contracts.verify(input.id)),
    pdf: studioProcedure.input(byId).query(({ ctx, input }) => ctx.core.documents.contracts.pdf(input.id)),
  }),
  quotes: router({
    list: studioProcedure.input(byClient).query(({ ctx, input }) => ctx.core.documents.quotes.list(input?.clientId)),
    get: studioProcedure.input(byId).query(({ ctx, input }) => ctx.core.documents.quotes.get(input.id)),
    create: studioProcedure.input(createQuoteInput).mutation(({ ctx, input }) => ctx.core.documents.quotes.create(input)),
    update: studioProcedure.input(updateQuoteInput).mutation(({ ctx, input }) => ctx.core.documents.quotes.update(input)),
    send: studioProcedure.input(byId).mutation(({ ctx, input }) => ctx.core.documents.quotes.send(input.id)),
    accept: studioProcedure.input(byId).mutation(({ ctx, input }) => ctx.core.documents.quotes.accept(input.id)),
    reject: studioProcedure.input(byId).mutation(({ ctx, input }) => ctx.core.documents.quotes.reject(input.id)),
    invoice: studioProcedure.input(byId).mutation(({ ctx, input }) => ctx.core.documents.quotes.invoice(input.id)),
    pdf: studioProcedure.input(byId).query(({ ctx, input }) => ctx.core.documents.quotePdf(input.id)),
  }),
  invoices: router({
    list: studioProcedure.input(listInvoicesInput.optional()).query(({ ctx, input }) => ctx.core.documents.invoices.list(input ?? {})),
    get: studioProcedure.input(byId).query(({ ctx, input }) => ctx.core.documents.invoices.get(input.id)),
    create: studioProcedure.input(createInvoiceInput).mutation(({ ctx, input }) => ctx.core.documents.invoices.create(input)),
    fromBookings: studioProcedure.input(createInvoiceFromBookingsInput).mutation(({ ctx, input }) => ctx.core.documents.invoices.createFromBookings(input)),
    update: studioProcedure.input(updateInvoiceInput).mutation(({ ctx, input }) => ctx.core.documents.invoices.update(input)),
    issue: studioProcedure.input(byId).mutation(({ ctx, input }) => ctx.core.documents.invoices.issue(input.id)),
    void: studioProcedure.input(voidInvoiceInput).mutation(({ ctx, input }) => ctx.core.documents.invoices.void(input)),
    /** What is left to credit of each line (thousandths), for the credit-note dialog. */
    creditable: studioProcedure.input(byId).query(({ ctx, input }) => ctx.core.documents.invoices.creditableOf(input.id)),
    creditNote: studioProcedure.input(creditNoteLinesInput).mutation(({ ctx, input }) => ctx.core.documents.invoices.creditNote(input)),
    pdf: studioProcedure.input(byId).query(({ ctx, input }) => ctx.core.documents.invoicePdf(input.id)),
  }),
  payments: router({
    list: studioProcedure.input(listPaymentsInput.optional()).query(({ ctx, input }) => ctx.core.documents.payments.list(input ?? {})),
    record: studioProcedure.input(recordInvoicePaymentInput).mutation(({ ctx, input }) => ctx.core.documents.payments.record(input)),
    /** Money taken at the booking drawer: onto the booking's open invoice, else waiting on the booking. */
    recordForBooking: studioProcedure.input(recordBookingPaymentInput).mutation(({ ctx, input }) => ctx.core.documents.payments.recordForBooking(input)),
  }),
  clients: router({
    balance: studioProcedure.input(clientInput).query(({ ctx, input }) => ctx.core.documents.clientBalance(input.clientId)),
    documents: studioProcedure.input(clientInput).query(({ ctx, input }) => ctx.core.documents.clientDocuments({ id: input.clientId })),
    /** The client's sessions, past and upcoming; amounts only where the acting person may see money. */
    sessions: studioProcedure.input(clientInput).query(({ ctx, input }) => ctx.core.documents.clients.sessions(input.clientId, seesMoney(ctx.core))),
    payments: studioProcedure.input(clientInput).query(({ ctx, input }) => ctx.core.documents.clients.paymentsOf(input.clientId, seesMoney(ctx.core))),
  }),
  emails: router({
    send: studioProcedure.input(sendDocumentInput).mutation(({ ctx, input }) => ctx.core.documents.send(input)),
    list: studioProcedure.input(z.object({ documentId: idSchema.optional() }).optional()).query(({ ctx, input }) => ctx.core.documents.emails.list(input?.documentId)),
    retry: studioProcedure.input(byId).mutation(({ ctx, input }) => ctx.core.documents.emails.retry(input.id)),
  }),
});
