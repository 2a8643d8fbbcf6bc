package news.timeline.events;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import news.timeline.extraction.temporal.DateValue;
import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalDateJdbcType;
import news.timeline.extraction.temporal.Precision;

import java.time.LocalDate;

/** A {@link DateValue} as five columns ({@code <prefix>_value, _precision, _start, _end, _approximate}). */
@Embeddable
public class StoredDate {

    @Column(name = "value")
    public String value;
    @Column(name = "precision")
    public String precision;
    // bound as java.time values, not java.sql.Date: that one's calendar turns a day before year 1 into one after it
    @Column(name = "start")
    @JdbcType(LocalDateJdbcType.class)
    public LocalDate start;
    @Column(name = "end")
    @JdbcType(LocalDateJdbcType.class)
    public LocalDate end;
    @Column(name = "approximate")
    public Boolean approximate;

    public static StoredDate of(DateValue d) {
        if (d == null) {
            return null;
        }
        StoredDate s = new StoredDate();
        s.value = d.value();
        s.precision = d.precision().apiName();
        s.start = d.start();
        s.end = d.end();
        s.approximate = d.approximate();
        return s;
    }

    public DateValue toDateValue() {
        if (value == null) {
            return null;
        }
        return new DateValue(value, Precision.fromApiName(precision), start, end, Boolean.TRUE.equals(approximate));
    }

    public int precisionRank() {
        return Precision.fromApiName(precision).rank();
    }
}
